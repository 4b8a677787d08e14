import { splitRoute } from './openRoute';
import { badgeText } from './useNavBadges';

describe('notification links and badges', () => {
  it('splits a route into its page and query', () => {
    expect(splitRoute('/data')).toEqual({ path: '/data', query: {} });
    expect(splitRoute('/data?kind=crm&x=%E4%B8%AD')).toEqual({ path: '/data', query: { kind: 'crm', x: '中' } });
  });

  it('shows no badge for nothing unread and caps large counts', () => {
    expect(badgeText(0)).toBeUndefined();
    expect(badgeText(3)).toBe('3');
    expect(badgeText(120)).toBe('99+');
  });
});
