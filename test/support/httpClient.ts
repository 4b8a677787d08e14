/** A tiny cookie-keeping HTTP client for API tests (one per signed-in person). */
export class TestClient {
  /** The session cookie (name=value) once signed in. */
  cookie = '';
  constructor(readonly base: string) {}

  async call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: { ok: boolean; data: T; error: { id: string; message: string; details: unknown } } }> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    });
    const set = res.headers.getSetCookie();
    for (const c of set) if (c.startsWith('liucai_sid=')) this.cookie = c.split(';')[0] ?? '';
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Sign in the way the micro-app does outside DingTalk in sandbox mode. */
  async signIn(userid: string, corpId: string) {
    const code = await this.call<{ code: string }>('POST', '/api/v1/auth/sandbox-code', { userid, corpId });
    if (code.status !== 200) throw new Error(`sandbox-code failed: ${JSON.stringify(code.body)}`);
    return this.call('POST', '/api/v1/auth/dingtalk', { code: code.body.data.code, corpId });
  }
}
