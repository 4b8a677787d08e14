import { hrefFor, navigate, parseHash } from './hashRoute';

describe('parseHash', () => {
  it('splits path and query', () => {
    const r = parseHash('#/signin?next=%2Forg&manual=1');
    expect(r.path).toBe('/signin');
    expect(r.query.get('next')).toBe('/org');
    expect(r.query.get('manual')).toBe('1');
  });

  it('normalises empty, slash-less and trailing-slash hashes', () => {
    expect(parseHash('').path).toBe('/');
    expect(parseHash('#').path).toBe('/');
    expect(parseHash('#org').path).toBe('/org');
    expect(parseHash('#/org/').path).toBe('/org');
    expect(parseHash('#/').path).toBe('/');
  });

  it('decodes percent-encoded paths and survives malformed ones', () => {
    expect(parseHash('#/%E7%BB%84').path).toBe('/组');
    expect(parseHash('#/%E0%A4%A').path).toBe('/%E0%A4%A');
  });
});

describe('hrefFor / navigate', () => {
  it('builds hash hrefs with encoded query values and skips undefined ones', () => {
    expect(hrefFor('/me')).toBe('#/me');
    expect(hrefFor('/signin', { next: '/org', x: undefined })).toBe('#/signin?next=%2Forg');
  });

  it('changes location.hash (jsdom)', () => {
    navigate('/org');
    expect(window.location.hash).toBe('#/org');
    navigate('/signin', { replace: true, query: { next: '/roles' } });
    expect(parseHash(window.location.hash)).toMatchObject({ path: '/signin' });
    expect(parseHash(window.location.hash).query.get('next')).toBe('/roles');
  });
});
