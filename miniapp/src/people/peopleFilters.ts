/**
 * The directory's filters live in the hash route (`#/people?q=zs&status=left&page=2`), so the back button and a
 * shared link bring the same list back. Pure: parsing and writing that query.
 */
import { PEOPLE_SORT_KEYS, PEOPLE_STATUS_FILTERS, type PeopleQuery, type PeopleSort, type PeopleStatusFilter } from '@liucai/shared';

export interface DirectoryState {
  q: string;
  status: PeopleStatusFilter;
  deptId: number | null;
  /** A supervisor whose direct reports are shown, with their name for the chip. */
  supervisor: { userid: string; name: string } | null;
  hiredFrom: string;
  hiredTo: string;
  sort: PeopleSort;
  page: number;
}

export const PAGE_SIZE = 20;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SORTS: readonly string[] = [...PEOPLE_SORT_KEYS, ...PEOPLE_SORT_KEYS.map((k) => `-${k}`)];

/** The state a hash query describes; anything unreadable falls back to the default. */
export function readDirectoryState(query: URLSearchParams): DirectoryState {
  const status = query.get('status') ?? '';
  const dept = Number(query.get('dept'));
  const sup = query.get('sup');
  const sort = query.get('sort') ?? '';
  const page = Number(query.get('page'));
  const day = (k: string) => {
    const v = query.get(k) ?? '';
    return DAY.test(v) ? v : '';
  };
  return {
    q: (query.get('q') ?? '').slice(0, 50),
    status: (PEOPLE_STATUS_FILTERS as readonly string[]).includes(status) ? (status as PeopleStatusFilter) : 'active',
    deptId: Number.isInteger(dept) && dept > 0 ? dept : null,
    supervisor: sup ? { userid: sup, name: query.get('supName') || sup } : null,
    hiredFrom: day('from'),
    hiredTo: day('to'),
    sort: SORTS.includes(sort) ? (sort as PeopleSort) : 'name',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The hash query for a state (defaults left out, so the plain list is plain `#/people`). */
export function directoryQuery(s: DirectoryState): Record<string, string | undefined> {
  return {
    q: s.q.trim() || undefined,
    status: s.status === 'active' ? undefined : s.status,
    dept: s.deptId ? String(s.deptId) : undefined,
    sup: s.supervisor?.userid,
    supName: s.supervisor?.name,
    from: s.hiredFrom || undefined,
    to: s.hiredTo || undefined,
    sort: s.sort === 'name' ? undefined : s.sort,
    page: s.page > 1 ? String(s.page) : undefined,
  };
}

/** The API query for a state. */
export function apiQuery(s: DirectoryState): PeopleQuery {
  return {
    q: s.q.trim() || undefined,
    status: s.status,
    deptId: s.deptId ?? undefined,
    supervisor: s.supervisor?.userid,
    hiredFrom: s.hiredFrom || undefined,
    hiredTo: s.hiredTo || undefined,
    sort: s.sort,
    page: s.page,
    pageSize: PAGE_SIZE,
  };
}

/** Any filter besides the default list (for the "清除筛选" link). */
export function isFiltered(s: DirectoryState): boolean {
  return Boolean(s.q.trim() || s.status !== 'active' || s.deptId || s.supervisor || s.hiredFrom || s.hiredTo);
}
