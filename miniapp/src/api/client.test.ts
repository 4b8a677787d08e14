/**
 * @jest-environment node
 *
 * The client against a real local HTTP server (jsdom has no fetch; Node's own fetch is used here).
 */
/// <reference types="node" />
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, createApiClient, dispositionFileName, errorMessage, isUnauthenticated } from './client';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

const json = (res: ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
};

const routes: Record<string, Handler> = {
  'GET /ok': (_req, _b, res) => json(res, 200, { ok: true, data: { name: '张三', n: 1 } }),
  'GET /null-data': (_req, _b, res) => json(res, 200, { ok: true, data: null }),
  'GET /missing': (_req, _b, res) => json(res, 404, { ok: false, error: { id: 'not_found', message: '部门不存在', details: { id: 7 } } }),
  'GET /me': (_req, _b, res) => json(res, 401, { ok: false, error: { id: 'unauthenticated', message: '请先登录' } }),
  'GET /no-message': (_req, _b, res) => json(res, 403, { ok: false, error: { id: 'forbidden' } }),
  'GET /html': (_req, _b, res) => {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end('<html>Bad Gateway</html>');
  },
  'GET /garbage': (_req, _b, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('not json');
  },
  'GET /ok-but-500': (_req, _b, res) => json(res, 500, { ok: true, data: 1 }),
  'GET /file.csv': (_req, _b, res) => {
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="deals-template.csv"; filename*=UTF-8''${encodeURIComponent('合同_成交导入模板.csv')}`,
    });
    res.end('\uFEFF合同编号\r\n');
  },
  'GET /broken-file.xlsx': (_req, _b, res) => json(res, 500, { ok: false, error: { id: 'internal_error', message: '服务器内部错误' } }),
};
const echo: Handler = (req, body, res) =>
  json(res, 200, { ok: true, data: { method: req.method, url: req.url, contentType: req.headers['content-type'] ?? null, body } });

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const route = routes[`${req.method} ${req.url}`];
      if (route) route(req, body, res);
      else if (req.url?.startsWith('/echo')) echo(req, body, res);
      else json(res, 404, { ok: false, error: { id: 'no_route', message: `no route ${req.method} ${req.url}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const client = () => createApiClient({ baseUrl });

async function caught(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw new Error(`expected ApiError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected the call to fail');
}

describe('api client envelope handling (real HTTP)', () => {
  it('returns data of an ok envelope', async () => {
    await expect(client().get('/ok')).resolves.toEqual({ name: '张三', n: 1 });
    await expect(client().get('/null-data')).resolves.toBeNull();
  });

  it('sends JSON bodies with the right method and content type', async () => {
    const post = await client().post<{ method: string; contentType: string; body: string }>('/echo/p', { userid: 'u1', corpId: 'ding1' });
    expect(post.method).toBe('POST');
    expect(post.contentType).toBe('application/json');
    expect(JSON.parse(post.body)).toEqual({ userid: 'u1', corpId: 'ding1' });

    const put = await client().put<{ method: string; body: string }>('/echo/u', { departmentIds: [1, 2] });
    expect(put.method).toBe('PUT');
    expect(JSON.parse(put.body)).toEqual({ departmentIds: [1, 2] });

    const del = await client().delete<{ method: string; body: string; url: string }>('/echo/d?x=1');
    expect(del.method).toBe('DELETE');
    expect(del.url).toBe('/echo/d?x=1');
    expect(del.body).toBe('');

    // POST without a body still sends an empty JSON object (the API always expects JSON).
    const bare = await client().post<{ body: string }>('/echo/bare');
    expect(bare.body).toBe('{}');
  });

  it('uploads a file as the raw body with its own content type and headers', async () => {
    const file = new Blob(['合同编号,客户名称\r\nHT-1,华东\r\n'], { type: 'text/csv' });
    const up = await client().upload<{ method: string; contentType: string; body: string; url: string }>('/echo/upload?mode=dry-run', file, {
      'content-type': 'text/csv',
    });
    expect(up).toMatchObject({ method: 'POST', url: '/echo/upload?mode=dry-run', contentType: 'text/csv', body: '合同编号,客户名称\r\nHT-1,华东\r\n' });
  });

  it('turns an error envelope into an ApiError with id, message, status and details', async () => {
    const err = await caught(client().get('/missing'));
    expect(err).toBeInstanceOf(Error);
    expect(err.id).toBe('not_found');
    expect(err.message).toBe('部门不存在');
    expect(err.status).toBe(404);
    expect(err.details).toEqual({ id: 7 });
    expect(errorMessage(err)).toBe('部门不存在');
    expect(isUnauthenticated(err)).toBe(false);
  });

  it('falls back to a Chinese status message when the server gives none', async () => {
    const err = await caught(client().get('/no-message'));
    expect(err.id).toBe('forbidden');
    expect(err.status).toBe(403);
    expect(err.message).toBe('没有权限执行此操作');
  });

  it('recognises 401 and notifies unauthenticated listeners until they unsubscribe', async () => {
    const c = client();
    const seen: string[] = [];
    const off = c.onUnauthenticated((e) => seen.push(e.id));
    const err = await caught(c.get('/me'));
    expect(isUnauthenticated(err)).toBe(true);
    expect(err.status).toBe(401);
    expect(seen).toEqual(['unauthenticated']);

    await caught(c.get('/missing')); // not a 401: no notification
    expect(seen).toEqual(['unauthenticated']);

    off();
    await caught(c.get('/me'));
    expect(seen).toEqual(['unauthenticated']);
  });

  it('reports non-JSON answers without leaking the body', async () => {
    const html = await caught(client().get('/html'));
    expect(html.id).toBe('http_502');
    expect(html.status).toBe(502);
    expect(html.message).toContain('服务器暂时不可用');
    expect(html.message).not.toContain('<html>');

    const garbage = await caught(client().get('/garbage'));
    expect(garbage.id).toBe('bad_response');
    expect(garbage.status).toBe(200);
  });

  it('does not treat an ok envelope with an error status as success', async () => {
    const err = await caught(client().get('/ok-but-500'));
    expect(err.status).toBe(500);
    expect(err.id).toBe('bad_response');
  });

  it('maps connection failures to network_error with status 0', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const err = await caught(createApiClient({ baseUrl: `http://127.0.0.1:${port}` }).get('/ok'));
    expect(err.id).toBe('network_error');
    expect(err.status).toBe(0);
    expect(err.message).toBe('网络连接失败，请检查网络后重试');
  });

  it('downloads a file as a Blob with the server’s file name, and a failed download as the API’s error', async () => {
    const file = await client().download('/file.csv');
    expect(file.fileName).toBe('合同_成交导入模板.csv');
    // Byte for byte, BOM included (Excel needs it to read the Chinese).
    expect(Buffer.from(await file.blob.arrayBuffer())).toEqual(Buffer.from('\uFEFF合同编号\r\n', 'utf8'));
    const err = await caught(client().download('/broken-file.xlsx'));
    expect([err.status, err.id, err.message]).toEqual([500, 'internal_error', '服务器内部错误']);
    expect(dispositionFileName('attachment; filename="a b.csv"')).toBe('a b.csv');
    expect(dispositionFileName(null)).toBeNull();
  });
});
