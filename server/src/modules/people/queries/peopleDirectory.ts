import { Brackets, type DataSource, type SelectQueryBuilder } from 'typeorm';
import type { Paged, PeopleSort, PeopleStatusFilter, PersonSummary } from '@liucai/shared';
import { User } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { actorKey, departmentRule, peopleScopeFrom, whereInPeopleScope } from '../policies/peopleScope';
import { keptRead } from '../../../db/keptReads';
import { loadDepartmentIndex } from './departmentIndex';
import { likeEscaped, rawPage, selectAs, type PageRequest } from './paging';
import { presentPersonSummary } from '../presenters/personSummary';

/** The directory's filters, as the route validated them. */
export interface DirectoryFilters {
  q?: string;
  status: PeopleStatusFilter;
  deptId?: number;
  supervisor?: string;
  hiredFrom?: string;
  hiredTo?: string;
  sort: PeopleSort;
}

/** Sort key → column; `name` sorts by pinyin so 张三 files under z, as people expect of a Chinese list. */
const SORT_COLUMNS: Record<string, string> = {
  name: 'u.name_pinyin',
  jobNumber: 'u.job_number',
  hiredOn: 'u.hired_on',
  leftOn: 'u.left_on',
  title: 'u.title',
};

/** Departments a filter or search names (each with everything below it, through `department_closure`). */
interface DepartmentSet {
  corpId: string;
  roots: number[];
}

const departmentSet = (corpId: string, roots: number[]): DepartmentSet | null => (roots.length > 0 ? { corpId, roots } : null);

/** People whose main department or any membership is in the set (the people scope's department rule, peopleScope.ts). */
function inDepartments(w: { orWhere(sql: string, params?: object): unknown }, set: DepartmentSet, param: string): void {
  const rule = departmentRule(param, set.corpId, set.roots);
  w.orWhere(rule.mainDept('u'), rule.params);
  w.orWhere(rule.member('u'));
}

/**
 * Search: the name (anywhere in it), pinyin initials or whole pinyin (from the start: zs, zhang), job number (from
 * the start), title (anywhere), or a department whose name contains the text (its people and those below it).
 */
function whereMatches(qb: SelectQueryBuilder<User>, q: string, matched: DepartmentSet | null): void {
  const contains = `%${likeEscaped(q)}%`;
  const prefix = `${likeEscaped(q)}%`;
  qb.andWhere(
    new Brackets((w) => {
      w.where("u.name LIKE :qContains ESCAPE '!'", { qContains: contains });
      w.orWhere("u.title LIKE :qContains ESCAPE '!'");
      w.orWhere("u.job_number LIKE :qPrefix ESCAPE '!'", { qPrefix: prefix });
      if (/^[a-z0-9 ]+$/i.test(q)) {
        // Typed pinyin has no syllable breaks (zhangs), the stored one has (zhang san): compare without them.
        const letters = `${likeEscaped(q.toLowerCase().replace(/ /g, ''))}%`;
        w.orWhere("u.name_initials LIKE :qLetters ESCAPE '!'", { qLetters: letters });
        w.orWhere("REPLACE(u.name_pinyin, ' ', '') LIKE :qLetters ESCAPE '!'");
      }
      if (matched) inDepartments(w, matched, 'qDepts');
    }),
  );
}

function whereFilters(qb: SelectQueryBuilder<User>, f: DirectoryFilters, inDept: DepartmentSet | null, matched: DepartmentSet | null): void {
  if (f.status !== 'all') qb.andWhere('u.status = :status', { status: f.status });
  if (inDept) qb.andWhere(new Brackets((w) => inDepartments(w, inDept, 'fDepts')));
  if (f.supervisor) qb.andWhere('u.supervisor_userid = :supervisor', { supervisor: f.supervisor });
  if (f.hiredFrom) qb.andWhere('u.hired_on >= :hiredFrom', { hiredFrom: f.hiredFrom });
  if (f.hiredTo) qb.andWhere('u.hired_on <= :hiredTo', { hiredTo: f.hiredTo });
  if (f.q) whereMatches(qb, f.q, matched);
}

/**
 * One page of the people an actor may see (peopleScope.ts, in SQL), filtered, searched and sorted: one count and one
 * page query (the supervisor's name joined in), plus the corp's department list once for paths and scopes and, for
 * department scopes and filters, who is in them beyond their main department. People without a value in the sort
 * column come last. A search in name order that names no department is one walk (`searchedByName`) plus the page's
 * rows by key.
 */
export function listPeople(
  ds: DataSource,
  actor: Actor,
  f: DirectoryFilters,
  page: PageRequest,
  /** `oneWalk: false` counts and pages in SQL even for a search in name order (tests compare the two). */
  opts: { oneWalk?: boolean } = {},
): Promise<Paged<PersonSummary>> {
  // Kept while no person or department changed (a page of thousands in name order, in the actor's scope).
  const key = ['people', actorKey(actor), f, page, opts.oneWalk ?? true];
  return keptRead(ds, actor, ['org', 'people'], key, () => readPeoplePage(ds, actor, f, page, opts));
}

async function readPeoplePage(
  ds: DataSource,
  actor: Actor,
  f: DirectoryFilters,
  page: PageRequest,
  opts: { oneWalk?: boolean },
): Promise<Paged<PersonSummary>> {
  const depts = await loadDepartmentIndex(ds, actor.corpId, actor.orgVersion);
  const scope = peopleScopeFrom(actor, depts.departments);
  const inDept = f.deptId !== undefined ? departmentSet(actor.corpId, [f.deptId]) : null;
  const matched = departmentSet(actor.corpId, f.q ? depts.topmost(depts.matching(f.q)) : []);
  const desc = f.sort.startsWith('-');
  const column = SORT_COLUMNS[f.sort.replace(/^-/, '')] ?? SORT_COLUMNS.name!;
  const build = () => {
    // tenancy: whereInPeopleScope adds u.corp_id = the actor's corp.
    const qb = ds.getRepository(User).createQueryBuilder('u');
    whereInPeopleScope(qb, 'u', scope);
    whereFilters(qb, f, inDept, matched);
    return qb;
  };
  const present = (raw: Record<string, unknown>) => presentPersonSummary(raw, depts);
  /** The page's columns, the supervisor's name joined in. */
  const withColumns = (qb: SelectQueryBuilder<User>) =>
    selectAs(qb.leftJoin(User, 's', 's.corp_id = u.corp_id AND s.userid = u.supervisor_userid'), {
      userid: 'u.userid',
      name: 'u.name',
      title: 'u.title',
      job_number: 'u.job_number',
      avatar: 'u.avatar',
      status: 'u.status',
      hired_on: 'u.hired_on',
      left_on: 'u.left_on',
      main_dept_id: 'u.main_dept_id',
      supervisor_userid: 's.userid',
      supervisor_name: 's.name',
      supervisor_title: 's.title',
    });
  /** Sorted (name order: pinyin, name when searched, userid); with the page's columns, or the userids alone. */
  const ordered = (qb: SelectQueryBuilder<User>, opts: { columns: boolean } = { columns: true }) => {
    const sorted = opts.columns ? withColumns(qb) : qb.select('u.userid', 'userid');
    // People without a value come last. Names always have their pinyin (the org sync fills it in), so the default
    // sort needs no such test and the database can read the (corp, pinyin) index in order and stop at the page.
    if (column !== SORT_COLUMNS.name)
      sorted.addSelect(`CASE WHEN ${column} IS NULL OR ${column} = '' THEN 1 ELSE 0 END`, 'sort_missing').orderBy('sort_missing', 'ASC');
    sorted
      .addOrderBy(column, desc ? 'DESC' : 'ASC')
      // Ties (and everyone without a value) in name order.
      .addOrderBy('u.name_pinyin', column === SORT_COLUMNS.name && desc ? 'DESC' : 'ASC');
    // Same pinyin, different characters (张珊 / 章杉): by the name. Only for searches, where the matches are few and
    // sorting them is cheap; without one, the database reads the pinyin index in order and stops at the page,
    // whereas with a selective search that walk reads nearly every row before it finds a page (MariaDB, 10,000
    // people: 37 ms walking against 15 ms sorting the matches).
    if (f.q) sorted.addOrderBy('u.name', column === SORT_COLUMNS.name && desc ? 'DESC' : 'ASC');
    return sorted.addOrderBy('u.userid', 'ASC');
  };
  if (f.q && column === SORT_COLUMNS.name && !matched && opts.oneWalk !== false) {
    const found = await searchedByName(build, (qb) => ordered(qb, { columns: false }), page);
    if (found) {
      // tenancy: the actor's corp; the page's people were found within its scope.
      const byKey = () =>
        ds
          .getRepository(User)
          .createQueryBuilder('u')
          .where('u.corp_id = :corpId AND u.userid IN (:...pageIds)', { corpId: actor.corpId, pageIds: found.pageIds });
      // In the walk's order (no ORDER BY here: SQLite would walk the pinyin index to find 20 keys).
      const rows = found.pageIds.length > 0 ? await withColumns(byKey()).getRawMany<Record<string, unknown>>() : [];
      const byId = new Map(rows.map((r) => [String(r.userid), r]));
      const items = found.pageIds.flatMap((id) => (byId.has(id) ? [present(byId.get(id)!)] : []));
      return { items, total: found.total, page: page.page, pageSize: page.pageSize };
    }
  }
  return rawPage(build, (qb) => ordered(qb), page, present);
}

/** Up to this many matches a name-ordered search reads as userids in one walk instead of counting, then paging. */
const SEARCH_IN_ONE_WALK = 2000;

/**
 * A search in name order in one walk: every match's userid, in order, from the directory index (SQLite: the searched
 * and scope columns are on its entries, so no row is read), counted and paged here; null when there are more than
 * `SEARCH_IN_ONE_WALK` (the caller counts and pages in SQL). The count and the page of `rawPage` each walked the
 * scope's people with every LIKE.
 */
async function searchedByName(
  build: () => SelectQueryBuilder<User>,
  ordered: (qb: SelectQueryBuilder<User>) => SelectQueryBuilder<User>,
  page: PageRequest,
): Promise<{ total: number; pageIds: string[] } | null> {
  const ids = await ordered(build())
    .limit(SEARCH_IN_ONE_WALK + 1)
    .getRawMany<{ userid: string }>();
  if (ids.length > SEARCH_IN_ONE_WALK) return null;
  const from = (page.page - 1) * page.pageSize;
  return { total: ids.length, pageIds: ids.slice(from, from + page.pageSize).map((r) => r.userid) };
}
