/**
 * Credentials the sandbox hands out: app access tokens (one per app, the same value while valid, as DingTalk
 * documents), jsapi tickets, and one-time auth codes bound to a corp. Values are random (node:crypto) because
 * a guessable token would let one test's corp read another's; only their lifetimes matter to tests.
 */
import { randomBytes } from 'node:crypto';
import { AUTH_CODE_TTL_SECONDS, JSAPI_TICKET_TTL_SECONDS, TOKEN_TTL_SECONDS } from '../wireFacts';

interface Issued {
  corpId: string;
  value: string;
  expiresAtMs: number;
}

interface AuthCode {
  corpId: string;
  userid: string;
  expiresAtMs: number;
}

/** Token, ticket and auth-code bookkeeping for all corps of one sandbox. */
export class TokenStore {
  private readonly tokensByValue = new Map<string, Issued>();
  private readonly currentToken = new Map<string, Issued>();
  private readonly currentTicket = new Map<string, Issued>();
  private readonly authCodes = new Map<string, AuthCode>();
  /** Lifetime of tokens issued (or renewed) from now on; a fault can shorten it. */
  private tokenTtlSeconds = TOKEN_TTL_SECONDS;

  constructor(private readonly now: () => number = Date.now) {}

  /** Set the lifetime of tokens issued from now on (undefined: DingTalk's 7200 s). */
  setTokenTtl(seconds: number | undefined): void {
    this.tokenTtlSeconds = seconds ?? TOKEN_TTL_SECONDS;
  }

  /**
   * The app's token: the current one while valid (its lifetime renewed — "有效期内重复获取会返回相同结果并自动续期"),
   * else a new one. The announced expires_in stays 7200 even under a TTL fault, like a token revoked early.
   */
  issueToken(corpId: string): { token: string; expiresIn: number } {
    const now = this.now();
    const current = this.currentToken.get(corpId);
    const expiresAtMs = now + this.tokenTtlSeconds * 1000;
    if (current && current.expiresAtMs > now) {
      current.expiresAtMs = expiresAtMs;
      return { token: current.value, expiresIn: TOKEN_TTL_SECONDS };
    }
    if (current) this.tokensByValue.delete(current.value);
    const issued: Issued = { corpId, value: randomBytes(16).toString('hex'), expiresAtMs };
    this.currentToken.set(corpId, issued);
    this.tokensByValue.set(issued.value, issued);
    return { token: issued.value, expiresIn: TOKEN_TTL_SECONDS };
  }

  /** The corp a valid token belongs to, or undefined (unknown or expired). */
  corpOfToken(token: string | undefined): string | undefined {
    if (!token) return undefined;
    const issued = this.tokensByValue.get(token);
    return issued && issued.expiresAtMs > this.now() ? issued.corpId : undefined;
  }

  /** The corp a token was issued to, valid or not (throttling counts calls per corp even with a stale token). */
  corpOfAnyToken(token: string | undefined): string | undefined {
    return token ? this.tokensByValue.get(token)?.corpId : undefined;
  }

  /** The corp's jsapi ticket: the current one while valid, else a new one. */
  issueJsapiTicket(corpId: string): { ticket: string; expiresIn: number } {
    const now = this.now();
    const current = this.currentTicket.get(corpId);
    if (current && current.expiresAtMs > now) {
      return { ticket: current.value, expiresIn: Math.ceil((current.expiresAtMs - now) / 1000) };
    }
    const issued: Issued = { corpId, value: randomBytes(33).toString('base64url'), expiresAtMs: now + JSAPI_TICKET_TTL_SECONDS * 1000 };
    this.currentTicket.set(corpId, issued);
    return { ticket: issued.value, expiresIn: JSAPI_TICKET_TTL_SECONDS };
  }

  /** A one-time auth code for a user of a corp, valid AUTH_CODE_TTL_SECONDS. */
  issueAuthCode(corpId: string, userid: string): string {
    this.dropExpiredCodes();
    const code = randomBytes(16).toString('hex');
    this.authCodes.set(code, { corpId, userid, expiresAtMs: this.now() + AUTH_CODE_TTL_SECONDS * 1000 });
    return code;
  }

  /**
   * Use up an auth code presented by `corpId`: the userid, or undefined when the code is unknown, used, expired or
   * from another corp. A code presented by the wrong corp is not consumed (its owner may still use it).
   */
  redeemAuthCode(corpId: string, code: string): string | undefined {
    const entry = this.authCodes.get(code);
    if (!entry || entry.corpId !== corpId) return undefined;
    this.authCodes.delete(code);
    return entry.expiresAtMs > this.now() ? entry.userid : undefined;
  }

  private dropExpiredCodes(): void {
    const now = this.now();
    for (const [code, entry] of this.authCodes) if (entry.expiresAtMs <= now) this.authCodes.delete(code);
  }
}
