import http, { type Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** Node's HTTP parser refuses some requests before Koa sees them; these are its codes we answer ourselves. */
const PARSER_ERRORS: Record<string, { status: number; reason: string; id: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    id: 'headers_too_large',
    message: '请求头太大（通常是 Cookie 过多）：请清除本站 Cookie 后重试',
  },
  HPE_URI_TOO_LONG: { status: 414, reason: 'URI Too Long', id: 'uri_too_long', message: '请求地址太长' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', id: 'request_timeout', message: '请求超时，请重试' },
};
const BAD_REQUEST = { status: 400, reason: 'Bad Request', id: 'bad_request', message: '请求格式有误' };

/**
 * Answer requests Node's parser refused (431 headers too large, 400 malformed, 408 timeout) in the one envelope, in
 * Chinese, instead of Node's empty answer.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const e = (err.code && PARSER_ERRORS[err.code]) || BAD_REQUEST;
    const body = JSON.stringify({ ok: false, error: { id: e.id, message: e.message, details: null, requestId: null } });
    socket.end(
      [
        `HTTP/1.1 ${e.status} ${e.reason}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'X-Content-Type-Options: nosniff',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}

/** Serve a Koa app on host:port (0: any free port) with the client-error answers above. */
export function listenApp(app: { callback(): http.RequestListener }, port: number, host: string): Promise<Server> {
  const server = http.createServer(app.callback());
  answerClientErrors(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
