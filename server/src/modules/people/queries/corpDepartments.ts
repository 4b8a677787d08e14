import type { DataSource } from 'typeorm';
import { Department } from '../../../entities';

/** What the web process keeps of a department. */
export interface DepartmentRow {
  deptId: number;
  parentId: number | null;
  name: string;
  active: boolean;
  sortOrder: number;
}

/** A corp's departments as read at one org version, with what was built from them (e.g. the `DepartmentIndex`). */
export interface CorpDepartments {
  readonly version: number;
  /** Tree order of DingTalk (sort order, then id). Shared by every request: never modify. */
  readonly rows: readonly DepartmentRow[];
  /** Things derived from `rows` only, built once per version (see `derivedFrom`). */
  readonly derived: Map<string, unknown>;
}

/** Per database, per corp: the last departments read. A DataSource's entry goes with it (tests open many). */
const cache = new WeakMap<DataSource, Map<string, CorpDepartments>>();

/** The corp's org version (0 before any department write): bumped by triggers on every write to `departments`. */
async function orgVersionOf(ds: DataSource, corpId: string): Promise<number> {
  // tenancy: corpId is the caller's.
  // Raw SQL (read by most requests): the query builder cost more CPU than the read.
  const rows = (await ds.query('SELECT version FROM org_versions WHERE corp_id = ?', [corpId])) as { version: number | string }[];
  return rows.length > 0 ? Number(rows[0]!.version) : 0;
}

async function readDepartments(ds: DataSource, corpId: string): Promise<DepartmentRow[]> {
  // tenancy: corpId is the caller's.
  const rows = await ds
    .getRepository(Department)
    .createQueryBuilder('d')
    .select('d.dept_id', 'deptId')
    .addSelect('d.parent_id', 'parentId')
    .addSelect('d.name', 'name')
    .addSelect('d.active', 'active')
    .addSelect('d.sort_order', 'sortOrder')
    .where('d.corp_id = :corpId', { corpId })
    .orderBy('d.sort_order', 'ASC')
    .addOrderBy('d.dept_id', 'ASC')
    .getRawMany<{ deptId: number | string; parentId: number | string | null; name: string; active: number | boolean; sortOrder: number }>();
  return rows.map((r) => ({
    deptId: Number(r.deptId),
    parentId: r.parentId === null ? null : Number(r.parentId),
    name: r.name,
    active: Boolean(Number(r.active)),
    sortOrder: Number(r.sortOrder),
  }));
}

/**
 * A corp's departments (about 560 rows at 10,000 people), kept in the process while its org version is unchanged:
 * one read by key per use instead of the rows. The jobs that write departments run elsewhere (another thread or
 * process), so the version is read from the database every time, or given: `knownVersion`, read earlier in the same
 * request (the signed-in actor's `orgVersion`, read with the session). The version is read before the rows: a write
 * committed in between leaves newer rows under the older version, which the next use reads again (never older rows
 * under a newer version).
 */
export async function corpDepartments(ds: DataSource, corpId: string, knownVersion?: number): Promise<CorpDepartments> {
  let perCorp = cache.get(ds);
  if (!perCorp) {
    perCorp = new Map();
    cache.set(ds, perCorp);
  }
  const kept = perCorp.get(corpId);
  // The version given is older than the one kept (an org sync committed since the request began), or none is given:
  // read it now.
  const version = knownVersion !== undefined && (!kept || kept.version <= knownVersion) ? knownVersion : await orgVersionOf(ds, corpId);
  if (kept && kept.version === version) return kept;
  const fresh: CorpDepartments = { version, rows: await readDepartments(ds, corpId), derived: new Map() };
  perCorp.set(corpId, fresh);
  return fresh;
}

/** Something built from a corp's departments only, built once per org version and kept with them. */
export function derivedFrom<T>(depts: CorpDepartments, key: string, build: (rows: readonly DepartmentRow[]) => T): T {
  if (!depts.derived.has(key)) depts.derived.set(key, build(depts.rows));
  return depts.derived.get(key) as T;
}
