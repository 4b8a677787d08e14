import { corpIdFromSearch, resolveCorpId } from './corpId';

describe('corpIdFromSearch', () => {
  it('reads the corpId DingTalk put in the homepage URL', () => {
    expect(corpIdFromSearch('?corpId=ding9f50b15bccd16741')).toBe('ding9f50b15bccd16741');
    expect(corpIdFromSearch('?a=1&corpId=dingabc&b=2')).toBe('dingabc');
    expect(corpIdFromSearch('?corpid=dinglower')).toBe('dinglower');
  });

  it('ignores the unreplaced $CORPID$ placeholder, literal or URL-encoded', () => {
    expect(corpIdFromSearch('?corpId=$CORPID$')).toBeNull();
    expect(corpIdFromSearch('?corpId=%24CORPID%24')).toBeNull();
    expect(corpIdFromSearch('?corpId=$corpid$')).toBeNull();
  });

  it('treats missing or blank values as absent', () => {
    expect(corpIdFromSearch('')).toBeNull();
    expect(corpIdFromSearch('?other=1')).toBeNull();
    expect(corpIdFromSearch('?corpId=')).toBeNull();
    expect(corpIdFromSearch('?corpId=%20%20')).toBeNull();
  });

  it('decodes encoded values and trims spaces', () => {
    expect(corpIdFromSearch('?corpId=ding%2Dx%20')).toBe('ding-x');
    expect(corpIdFromSearch('?corpId=+dingplus+')).toBe('dingplus');
  });
});

describe('resolveCorpId', () => {
  it('prefers the URL over the server default', () => {
    expect(resolveCorpId('?corpId=dingurl', 'dingdefault')).toBe('dingurl');
  });

  it('falls back to the server default for placeholders and missing values', () => {
    expect(resolveCorpId('?corpId=$CORPID$', 'dingdefault')).toBe('dingdefault');
    expect(resolveCorpId('', 'dingdefault')).toBe('dingdefault');
  });

  it('returns null when neither exists', () => {
    expect(resolveCorpId('?corpId=$CORPID$', null)).toBeNull();
    expect(resolveCorpId('', '')).toBeNull();
    expect(resolveCorpId('', undefined)).toBeNull();
  });
});
