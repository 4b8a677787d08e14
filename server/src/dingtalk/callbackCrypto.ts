import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A callback that failed verification: wrong signature, wrong owner key, or a damaged body. */
export class CallbackCryptoError extends Error {
  override readonly name = 'CallbackCryptoError';
  constructor(
    readonly reason: 'signature' | 'owner' | 'padding' | 'format' | 'timestamp',
    message: string,
  ) {
    super(message);
  }
}

/** The query and body DingTalk sends to an HTTP callback URL. */
export interface EncryptedCallback {
  signature: string;
  timestamp: string;
  nonce: string;
  encrypt: string;
}

const BLOCK = 32; // DingTalk pads to 32 bytes (PKCS#7 with a 32-byte block), not AES's 16.

/**
 * DingTalk's HTTP callback crypto (dingtalk-api.md 7.3): AES-256-CBC with the EncodingAESKey (IV = first 16 key
 * bytes, 32-byte PKCS#7 padding), body = random(16) | uint32be(len) | message | ownerKey, and a SHA-1 signature
 * over the sorted [token, timestamp, nonce, encrypt]. ownerKey is the AppKey for an internal app's event
 * subscription. Plain bytes are UTF-8 throughout, so Chinese text and `%` survive untouched.
 */
export class CallbackCrypto {
  private readonly key: Buffer;

  constructor(
    private readonly token: string,
    aesKey: string,
    private readonly ownerKey: string,
  ) {
    if (!/^[A-Za-z0-9+/]{43}$/.test(aesKey)) throw new Error('the callback EncodingAESKey must be 43 characters of base64');
    this.key = Buffer.from(`${aesKey}=`, 'base64');
  }

  /** hex SHA-1 of the lexicographically sorted parts, joined. */
  sign(timestamp: string, nonce: string, encrypt: string): string {
    return createHash('sha1').update([this.token, timestamp, nonce, encrypt].sort().join(''), 'utf8').digest('hex');
  }

  /** Encrypt a message (random 16-byte prefix unless given, for tests). */
  encrypt(plain: string, random: Buffer = randomBytes(16)): string {
    const msg = Buffer.from(plain, 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(msg.length);
    const body = Buffer.concat([random, len, msg, Buffer.from(this.ownerKey, 'utf8')]);
    const pad = BLOCK - (body.length % BLOCK);
    const cipher = createCipheriv('aes-256-cbc', this.key, this.key.subarray(0, 16)).setAutoPadding(false);
    return Buffer.concat([cipher.update(Buffer.concat([body, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
  }

  /** Decrypt a message and check it was meant for our owner key. */
  decrypt(encrypt: string): string {
    const raw = Buffer.from(encrypt, 'base64');
    if (raw.length === 0 || raw.length % 16 !== 0) throw new CallbackCryptoError('format', 'the encrypted body is not whole AES blocks');
    const decipher = createDecipheriv('aes-256-cbc', this.key, this.key.subarray(0, 16)).setAutoPadding(false);
    const buf = Buffer.concat([decipher.update(raw), decipher.final()]);
    const pad = buf[buf.length - 1] ?? 0;
    if (pad < 1 || pad > BLOCK || pad > buf.length) throw new CallbackCryptoError('padding', 'the encrypted body has corrupt padding');
    const body = buf.subarray(0, buf.length - pad);
    if (body.length < 20) throw new CallbackCryptoError('format', 'the encrypted body is too short');
    const len = body.readUInt32BE(16);
    if (20 + len > body.length) throw new CallbackCryptoError('format', 'the message length does not fit the body');
    const owner = body.subarray(20 + len).toString('utf8');
    if (owner !== this.ownerKey) throw new CallbackCryptoError('owner', 'the callback was encrypted for another app');
    return body.subarray(20, 20 + len).toString('utf8');
  }

  /**
   * Check the signature (in constant time, so a forger learns nothing from how long a wrong guess took), then, when
   * `opts.windowMs` is given, that the signed timestamp is within that long of `opts.now` either way (a captured
   * callback replayed later is refused), then decrypt.
   */
  open(cb: EncryptedCallback, opts: { windowMs?: number; now?: number } = {}): string {
    const expected = Buffer.from(this.sign(cb.timestamp, cb.nonce, cb.encrypt), 'utf8');
    const given = Buffer.from(cb.signature.toLowerCase(), 'utf8');
    // timingSafeEqual needs equal lengths; a length mismatch says nothing about the secret (SHA-1 hex is always 40).
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new CallbackCryptoError('signature', 'the callback signature does not match');
    if (opts.windowMs !== undefined) checkCallbackTime(cb.timestamp, opts.now ?? Date.now(), opts.windowMs);
    return this.decrypt(cb.encrypt);
  }

  /** Seal a reply the way DingTalk expects it: `{ msg_signature, timeStamp, nonce, encrypt }`. */
  seal(plain: string, timeStamp = String(Date.now()), nonce = randomBytes(6).toString('base64url')) {
    const encrypt = this.encrypt(plain);
    return { msg_signature: this.sign(timeStamp, nonce, encrypt), timeStamp, nonce, encrypt };
  }
}

/**
 * DingTalk signs each callback's `timestamp`: milliseconds since the epoch, as text (dingtalk-api.md 7.3; the official
 * example has `1608001896814`). Ten digits are read as seconds, as some older DingTalk callbacks send. Refuses one
 * further than `windowMs` from `now` either way, and anything that is not such a number.
 */
export function checkCallbackTime(timestamp: string, now: number, windowMs: number): void {
  if (!/^\d{10}$|^\d{13}$/.test(timestamp)) throw new CallbackCryptoError('timestamp', 'the callback timestamp is not a time in ms');
  const at = timestamp.length === 10 ? Number(timestamp) * 1000 : Number(timestamp);
  if (Math.abs(now - at) > windowMs) {
    const minutes = Math.round((now - at) / 60000);
    throw new CallbackCryptoError('timestamp', minutes >= 0 ? `the callback is ${minutes} min old` : `the callback is ${-minutes} min in the future`);
  }
}
