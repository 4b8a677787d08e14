import { signJsapi } from './jsapiSignature';

const vector = {
  ticket: 'zHoQdGJuH0ZDebwo7sLqLzHGUueLmkWCC4RycYgkuvDu3eoROgN5qhwnQLgfzwEXtuR9SDzh6BdhyVngzAjrxV',
  nonceStr: 'abcdefgh',
  timeStamp: '1437027269927',
  url: 'http://10.62.53.138:3000/jsapi',
};

describe('signJsapi', () => {
  it('matches the vector from the official demo inputs (doc 2.3)', () => {
    expect(signJsapi(vector)).toBe('810e6657e9f411e6491b3e97dfaf7660e89eb874');
  });

  it('accepts a numeric timestamp and ignores the #fragment', () => {
    expect(signJsapi({ ...vector, timeStamp: 1437027269927, url: `${vector.url}#/home?x=1` })).toBe('810e6657e9f411e6491b3e97dfaf7660e89eb874');
  });

  it('changes when any input changes', () => {
    expect(signJsapi({ ...vector, nonceStr: 'abcdefgi' })).not.toBe('810e6657e9f411e6491b3e97dfaf7660e89eb874');
  });
});
