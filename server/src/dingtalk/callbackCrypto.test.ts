import { CallbackCrypto, CallbackCryptoError, checkCallbackTime } from './callbackCrypto';

// The example in DingTalk's official DingTalk-Callback-Crypto repository (DingCallbackCrypto3.py).
const OFFICIAL = {
  token: 'mryue',
  aesKey: 'Yue0EfdN5900c1ce5cf6A152c63DDe1808a60c5ecd7',
  ownerKey: 'ding6ccabc44d2c8d38b',
  signature: '03044561471240d4a14bb09372dfcfd4fd0e40cb',
  timestamp: '1608001896814',
  nonce: 'WL4PK6yA',
  encrypt: '0vJiX6vliEpwG3U45CtXqi+m8PXbQRARJ8p8BbDuD1EMTDf0jKpQ79QS93qEk7XHpP6u+oTTrd15NRPvNvmBKyDCYxxOK+HZeKju4yhELOFchzNukR+t8SB/qk4ROMu3',
};

describe('CallbackCrypto', () => {
  const official = new CallbackCrypto(OFFICIAL.token, OFFICIAL.aesKey, OFFICIAL.ownerKey);

  it('verifies and decrypts the official example', () => {
    const plain = official.open({ signature: OFFICIAL.signature, timestamp: OFFICIAL.timestamp, nonce: OFFICIAL.nonce, encrypt: OFFICIAL.encrypt });
    expect(JSON.parse(plain)).toEqual({ EventType: 'check_url' });
  });

  it('round-trips Chinese text, % signs and every padding edge (0, 31, 32, 33 bytes)', () => {
    const c = new CallbackCrypto('tok', OFFICIAL.aesKey, 'liucai-app-key');
    const messages = ['', 'a'.repeat(31), 'b'.repeat(32), 'c'.repeat(33), '{"EventType":"user_modify_org","name":"张三","note":"100% 完成"}'];
    for (const m of messages) {
      const sealed = c.seal(m);
      expect(c.open({ signature: sealed.msg_signature, timestamp: sealed.timeStamp, nonce: sealed.nonce, encrypt: sealed.encrypt })).toBe(m);
    }
  });

  it('encrypts to whole 32-byte-padded blocks that decrypt again (fixed random prefix)', () => {
    const enc = official.encrypt('{"EventType":"check_url"}', Buffer.alloc(16, 7));
    expect(official.decrypt(enc)).toBe('{"EventType":"check_url"}');
    expect(Buffer.from(enc, 'base64').length % 32).toBe(0);
  });

  it('rejects a wrong signature, another app, and damaged bodies', () => {
    expect(() => official.open({ signature: 'f'.repeat(40), timestamp: OFFICIAL.timestamp, nonce: OFFICIAL.nonce, encrypt: OFFICIAL.encrypt })).toThrow(
      expect.objectContaining({ reason: 'signature' }),
    );
    const other = new CallbackCrypto(OFFICIAL.token, OFFICIAL.aesKey, 'another-app');
    expect(() => other.decrypt(OFFICIAL.encrypt)).toThrow(CallbackCryptoError);
    expect(() => other.decrypt(OFFICIAL.encrypt)).toThrow(expect.objectContaining({ reason: 'owner' }));
    expect(() => official.decrypt('AAAA')).toThrow(expect.objectContaining({ reason: 'format' }));
    expect(() => new CallbackCrypto('t', 'too-short', 'k')).toThrow(/43 characters/);
  });
});

describe('callback timestamps and signatures', () => {
  const c = new CallbackCrypto('tok', OFFICIAL.aesKey, 'liucai-app-key');
  const FIVE_MIN = 5 * 60 * 1000;
  const now = Number(OFFICIAL.timestamp);

  it('accepts DingTalk timestamps (ms) within the window either way, and seconds', () => {
    expect(() => checkCallbackTime(OFFICIAL.timestamp, now, FIVE_MIN)).not.toThrow();
    expect(() => checkCallbackTime(String(now - FIVE_MIN), now, FIVE_MIN)).not.toThrow();
    expect(() => checkCallbackTime(String(now + FIVE_MIN), now, FIVE_MIN)).not.toThrow();
    expect(() => checkCallbackTime(String(Math.floor(now / 1000)), now, FIVE_MIN)).not.toThrow();
  });

  it('refuses stale, future and malformed timestamps', () => {
    expect(() => checkCallbackTime(String(now - FIVE_MIN - 1), now, FIVE_MIN)).toThrow(
      expect.objectContaining({ reason: 'timestamp', message: 'the callback is 5 min old' }),
    );
    expect(() => checkCallbackTime(String(now + 10 * 60 * 1000), now, FIVE_MIN)).toThrow(
      expect.objectContaining({ reason: 'timestamp', message: 'the callback is 10 min in the future' }),
    );
    for (const bad of ['', 'abc', '1608001896814.5', '-1608001896814', '16080018968140', '1e12']) {
      expect(() => checkCallbackTime(bad, now, FIVE_MIN)).toThrow(expect.objectContaining({ reason: 'timestamp' }));
    }
  });

  it('open() checks the window only on a genuine signature, and refuses a replay of a captured callback', () => {
    const sealed = c.seal('{"EventType":"org_dept_modify"}', String(now), 'n0nce');
    const captured = { signature: sealed.msg_signature, timestamp: sealed.timeStamp, nonce: sealed.nonce, encrypt: sealed.encrypt };
    expect(c.open(captured, { windowMs: FIVE_MIN, now: now + 60_000 })).toBe('{"EventType":"org_dept_modify"}');
    expect(() => c.open(captured, { windowMs: FIVE_MIN, now: now + FIVE_MIN + 1 })).toThrow(expect.objectContaining({ reason: 'timestamp' }));
    // A forged timestamp breaks the signature: the window cannot be dodged by editing the query.
    expect(() => c.open({ ...captured, timestamp: String(now + FIVE_MIN) }, { windowMs: FIVE_MIN, now: now + FIVE_MIN })).toThrow(
      expect.objectContaining({ reason: 'signature' }),
    );
  });

  it('refuses signatures of any length or case without throwing anything but a signature error', () => {
    const sealed = c.seal('x', String(now), 'n0nce');
    const base = { timestamp: sealed.timeStamp, nonce: sealed.nonce, encrypt: sealed.encrypt };
    expect(c.open({ ...base, signature: sealed.msg_signature.toUpperCase() })).toBe('x');
    for (const signature of ['', 'a', sealed.msg_signature.slice(0, 39), `${sealed.msg_signature}0`, '张'.repeat(40)]) {
      expect(() => c.open({ ...base, signature })).toThrow(expect.objectContaining({ reason: 'signature' }));
    }
  });
});
