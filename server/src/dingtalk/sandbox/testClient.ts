/**
 * Tiny HTTP helpers for the sandbox's own tests (global fetch, no DingTalk client), so the tests see exactly
 * the bytes a real client would.
 */
import type { SandboxHandle } from './startSandbox';

/** A decoded JSON answer. */
export interface JsonAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** A legacy user/list page as sent on the wire. */
export interface WireUserListPage {
  has_more: boolean;
  next_cursor: number;
  list: { userid: string; leader: boolean; dept_id_list: number[]; dept_order: number; [k: string]: unknown }[];
}

/** A legacy envelope with a result. */
export interface WireLegacy<R> {
  errcode: number;
  errmsg: string;
  request_id?: string;
  result: R;
}

async function decode<T>(res: Response): Promise<JsonAnswer<T>> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as T };
}

/** GET a URL and decode the JSON answer. */
export async function getJson<T = Record<string, unknown>>(url: string): Promise<JsonAnswer<T>> {
  return decode<T>(await fetch(url));
}

/** POST a JSON body. */
export async function postJson<T = Record<string, unknown>>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonAnswer<T>> {
  return decode<T>(await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }));
}

/** POST a form-urlencoded body, as DingTalk's curl samples do. */
export async function postForm<T = Record<string, unknown>>(url: string, fields: Record<string, string>): Promise<JsonAnswer<T>> {
  return decode<T>(
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() }),
  );
}

/** A legacy access token for a corp of the sandbox. */
export async function legacyToken(handle: SandboxHandle, corpId: string): Promise<string> {
  const corp = handle.corps.get(corpId);
  if (!corp) throw new Error(`no corp ${corpId}`);
  const { body } = await getJson<{ access_token: string }>(
    `${handle.url}/gettoken?appkey=${encodeURIComponent(corp.appKey)}&appsecret=${encodeURIComponent(corp.appSecret)}`,
  );
  return body.access_token;
}

/** POST a legacy /topapi call with ?access_token=. */
export async function topapi<R = unknown>(handle: SandboxHandle, token: string, path: string, body: unknown): Promise<WireLegacy<R>> {
  return (await postJson<WireLegacy<R>>(`${handle.url}${path}?access_token=${encodeURIComponent(token)}`, body)).body;
}

/** Every user of a department, walking user/list pages of `size`. */
export async function walkDeptUsers(
  handle: SandboxHandle,
  token: string,
  deptId: number,
  size: number,
): Promise<{ users: WireUserListPage['list']; pages: number }> {
  const users: WireUserListPage['list'] = [];
  let cursor = 0;
  for (let pages = 1; ; pages++) {
    const res = await topapi<WireUserListPage>(handle, token, '/topapi/v2/user/list', { dept_id: deptId, cursor, size });
    if (res.errcode !== 0) throw new Error(`user/list failed: ${res.errcode} ${res.errmsg}`);
    users.push(...res.result.list);
    if (!res.result.has_more) return { users, pages };
    cursor = res.result.next_cursor;
  }
}
