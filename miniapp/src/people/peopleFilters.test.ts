import { apiQuery, directoryQuery, isFiltered, readDirectoryState } from './peopleFilters';

const read = (qs: string) => readDirectoryState(new URLSearchParams(qs));

describe('directory state in the hash route', () => {
  it('reads every filter and writes it back the same', () => {
    const s = read('q=zs&status=left&dept=100012&sup=u7&supName=%E6%9D%8E%E5%9B%9B&from=2024-01-01&to=2024-12-31&sort=-hiredOn&page=3');
    expect(s).toEqual({
      q: 'zs',
      status: 'left',
      deptId: 100012,
      supervisor: { userid: 'u7', name: '李四' },
      hiredFrom: '2024-01-01',
      hiredTo: '2024-12-31',
      sort: '-hiredOn',
      page: 3,
    });
    const again = new URLSearchParams();
    for (const [k, v] of Object.entries(directoryQuery(s))) if (v !== undefined) again.set(k, v);
    expect(read(again.toString())).toEqual(s);
    expect(apiQuery(s)).toEqual({
      q: 'zs',
      status: 'left',
      deptId: 100012,
      supervisor: 'u7',
      hiredFrom: '2024-01-01',
      hiredTo: '2024-12-31',
      sort: '-hiredOn',
      page: 3,
      pageSize: 20,
    });
    expect(isFiltered(s)).toBe(true);
  });

  it('falls back to the plain list for anything unreadable, and leaves defaults out of the URL', () => {
    const s = read('status=gone&dept=abc&from=2024/01/01&sort=salary&page=-2');
    expect(s).toEqual({ q: '', status: 'active', deptId: null, supervisor: null, hiredFrom: '', hiredTo: '', sort: 'name', page: 1 });
    expect(Object.values(directoryQuery(s)).filter((v) => v !== undefined)).toEqual([]);
    expect(isFiltered(s)).toBe(false);
  });
});
