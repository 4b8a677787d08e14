/**
 * The authorization matrix: every route of the server, read from its routers, called as each actor of
 * docs/permissions.md against the real server, each answer compared with the table.
 */
import { listRoutes, routeKey } from '../server/src/routeList';
import type { Me } from '@liucai/shared';
import { ACTORS, readPermissionTable, type ActorName, type PermissionRow } from './support/permissionTable';
import { FIXTURES, type RouteCall } from './support/permissionFixtures';
import { createPermissionWorld, type PermissionWorld } from './support/permissionWorld';

/** Each actor's roles: exactly one beyond employee, so no check passes because of a role held by accident. */
const ROLES: Record<Exclude<ActorName, 'anonymous' | 'otherCorp'>, string[]> = {
  employee: ['employee'],
  supervisorOfTarget: ['employee', 'supervisor'],
  supervisorOther: ['employee', 'supervisor'],
  hrInScope: ['employee', 'hr'],
  hrOutOfScope: ['employee', 'hr'],
  admin: ['employee', 'admin'],
};

async function send(pw: PermissionWorld, actor: ActorName, method: string, call: RouteCall): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = {};
  if (pw.cookies[actor]) headers.cookie = pw.cookies[actor];
  if (call.headers) Object.assign(headers, call.headers);
  let body: string | undefined;
  if (call.raw) {
    Object.assign(headers, { 'content-type': call.raw.contentType }, call.raw.headers);
    body = call.raw.body;
  } else if (call.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.json);
  }
  const res = await fetch(`${pw.url}${call.path}`, { method, headers, body, redirect: 'manual' });
  // A signed-in actor keeps the cookie a route sets (sign-in rotates the session), as a browser would.
  const set = res.headers.getSetCookie().find((c) => c.startsWith('liucai_sid='));
  const value = set?.split(';')[0];
  if (actor !== 'anonymous' && actor !== 'otherCorp' && value && value !== 'liucai_sid=') pw.cookies[actor] = value;
  return { status: res.status, body: await res.text() };
}

describe('authorization matrix (docs/permissions.md)', () => {
  let pw: PermissionWorld;
  let table: PermissionRow[];

  beforeAll(async () => {
    table = readPermissionTable();
    pw = await createPermissionWorld();
  }, 120_000);
  afterAll(async () => {
    await pw.close();
  });

  it('has one row for every route the routers serve, and no row for a route that does not exist', () => {
    const routes = listRoutes(pw.w).map(routeKey);
    const rows = table.map((r) => r.route);
    const missing = routes.filter((r) => !rows.includes(r));
    const stale = rows.filter((r) => !routes.includes(r));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    // A route with path parameters, or one that takes a body, needs a fixture saying how to call it.
    const needsFixture = table.filter((r) => (r.path.includes(':') || r.path.endsWith('*')) && !FIXTURES[r.route]).map((r) => r.route);
    expect(needsFixture).toEqual([]);
  });

  it('runs with actors who each hold one role alone', async () => {
    for (const [actor, roles] of Object.entries(ROLES)) {
      const res = await fetch(`${pw.url}/api/v1/me`, { headers: { cookie: pw.cookies[actor as ActorName] } });
      const me = ((await res.json()) as { data: Me }).data;
      expect({ actor, roles: me.roles }).toEqual({ actor, roles });
    }
    // The target is the supervisor's report and in the HR actor's departments, not in the out-of-scope HR's.
    const target = await fetch(`${pw.url}/api/v1/users/${pw.target}`, { headers: { cookie: pw.cookies.supervisorOfTarget } });
    expect(target.status).toBe(200);
  });

  it('answers every route as the table says, for every actor', async () => {
    const wrong: string[] = [];
    for (const row of table) {
      const fixture = FIXTURES[row.route];
      for (const actor of ACTORS) {
        await fixture?.before?.(pw);
        const call = fixture ? await fixture.call(pw, actor) : { path: row.path };
        const { status, body } = await send(pw, actor, row.method, call);
        const expected = row.expected[actor];
        if (status !== expected) wrong.push(`${row.route} as ${actor}: expected ${expected}, got ${status} ${body.slice(0, 160)}`);
        else if (status >= 400 && !/^\{"ok":false,"error":\{"id":"[a-z_]+","message":"[^"]+"/.test(body)) {
          wrong.push(`${row.route} as ${actor}: ${status} without the error envelope: ${body.slice(0, 160)}`);
        }
        if (fixture?.endsSession) await pw.renew(actor);
      }
    }
    expect(wrong).toEqual([]);
  }, 360_000);
});
