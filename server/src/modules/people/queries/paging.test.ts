import { totalFromPage } from './paging';

describe('totalFromPage', () => {
  const counted = (n: number) => {
    const count = jest.fn(async () => n);
    return count;
  };

  it('knows the count from a short page without counting', async () => {
    const count = counted(999);
    expect(await totalFromPage(7, { page: 1, pageSize: 20 }, count)).toBe(7);
    expect(await totalFromPage(3, { page: 3, pageSize: 20 }, count)).toBe(43);
    expect(await totalFromPage(0, { page: 1, pageSize: 20 }, count)).toBe(0);
    expect(count).not.toHaveBeenCalled();
  });

  it('counts when the page is full or past the end', async () => {
    const count = counted(41);
    expect(await totalFromPage(20, { page: 1, pageSize: 20 }, count)).toBe(41);
    expect(await totalFromPage(0, { page: 5, pageSize: 20 }, count)).toBe(41);
    expect(count).toHaveBeenCalledTimes(2);
  });
});
