import { CallbackCrypto, CallbackCryptoError } from './callbackCrypto';

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
