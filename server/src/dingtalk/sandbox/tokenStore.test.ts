import { AUTH_CODE_TTL_SECONDS, TOKEN_TTL_SECONDS } from '../wireFacts';
import { TokenStore } from './tokenStore';

describe('TokenStore', () => {
  let now = 1_000_000;
  const store = (): TokenStore => new TokenStore(() => now);
  beforeEach(() => (now = 1_000_000));

  it('returns the same token while valid and renews it; a new one after expiry', () => {
    const s = store();
    const first = s.issueToken('c1');
    expect(first.expiresIn).toBe(TOKEN_TTL_SECONDS);
    now += (TOKEN_TTL_SECONDS - 10) * 1000;
    expect(s.issueToken('c1').token).toBe(first.token);
    // Renewed on the repeated call ("自动续期"), so still valid past the original expiry.
    now += 20_000;
    expect(s.corpOfToken(first.token)).toBe('c1');
    now += TOKEN_TTL_SECONDS * 1000;
    expect(s.corpOfToken(first.token)).toBeUndefined();
    expect(s.corpOfAnyToken(first.token)).toBe('c1');
    const second = s.issueToken('c1');
    expect(second.token).not.toBe(first.token);
    expect(s.corpOfAnyToken(first.token)).toBeUndefined();
  });

  it('a TTL fault shortens tokens issued afterwards', () => {
    const s = store();
    s.setTokenTtl(2);
    const { token } = s.issueToken('c1');
    now += 1500;
    expect(s.corpOfToken(token)).toBe('c1');
    now += 1000;
    expect(s.corpOfToken(token)).toBeUndefined();
    s.setTokenTtl(undefined);
    const fresh = s.issueToken('c1');
    now += 3600_000;
    expect(s.corpOfToken(fresh.token)).toBe('c1');
  });

  it('auth codes: single use, corp-bound, valid for 5 minutes', () => {
    const s = store();
    const code = s.issueAuthCode('c1', 'u1');
    expect(s.redeemAuthCode('c2', code)).toBeUndefined();
    expect(s.redeemAuthCode('c1', code)).toBe('u1');
    expect(s.redeemAuthCode('c1', code)).toBeUndefined();
    const late = s.issueAuthCode('c1', 'u1');
    now += AUTH_CODE_TTL_SECONDS * 1000 - 1;
    const onTime = s.issueAuthCode('c1', 'u2');
    now += 1;
    expect(s.redeemAuthCode('c1', late)).toBeUndefined();
    expect(s.redeemAuthCode('c1', onTime)).toBe('u2');
  });

  it('jsapi tickets are per corp and stable while valid', () => {
    const s = store();
    const a = s.issueJsapiTicket('c1');
    now += 1000;
    expect(s.issueJsapiTicket('c1')).toEqual({ ticket: a.ticket, expiresIn: a.expiresIn - 1 });
    expect(s.issueJsapiTicket('c2').ticket).not.toBe(a.ticket);
  });
});
