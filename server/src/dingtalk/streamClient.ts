/**
 * The Stream mode connection (doc 7.1) on top of npm `dingtalk-stream`'s DWClient. The SDK keeps its frame
 * parsing, SYSTEM ping replies and `send`; we replace what does not fit a service:
 * - getEndpoint: the SDK's gateway URL is a hard-coded constant, so we call `<v1 base>/v1.0/gateway/connections/open`
 *   ourselves (the sandbox in development) and turn a refusal into a clear error without the secret in it;
 * - EVENT frames: the SDK's listener is synchronous, so we take the event in first and only then acknowledge
 *   (SUCCESS, or LATER so that DingTalk delivers it again);
 * - liveness: a WebSocket ping every interval; a socket that does not answer is terminated, so a dead path is
 *   noticed instead of waiting forever. Reconnecting (with backoff) is the caller's, not the SDK's fixed 1 s loop.
 */
import { DWClient, EventAck, type DWClientDownStream, type EventAckData } from 'dingtalk-stream';
import type { WebSocket } from 'ws';
import { STREAM_OPEN_PATH } from './wireFacts';

/** The gateway refused or could not be reached; the message names why (never the secret). */
export class StreamGatewayError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'StreamGatewayError';
  }
}

/** How to reach the gateway and what to do with each event. */
export interface StreamClientOptions {
  clientId: string;
  clientSecret: string;
  /** v1.0 base URL (https://api.dingtalk.com, or the sandbox). */
  v1BaseUrl: string;
  timeoutMs: number;
  /** WebSocket ping interval; two silent intervals in a row end the socket. */
  pingIntervalMs: number;
  /** Take one event in; resolve when it is safely recorded, throw to have it delivered again. */
  onEvent(frame: DWClientDownStream): Promise<void>;
  /** An event could not be taken in (it was answered LATER). */
  onEventFailed?(err: unknown, frame: DWClientDownStream): void;
}

/** Why a connection ended. */
export type StreamCloseReason = 'server-closed' | 'disconnect-requested' | 'no-heartbeat' | 'closed-by-us';

const UA = 'liucai dingtalk-stream/2.1.5';

/** A DWClient that connects through the configured gateway and acknowledges events after intake. */
export class StreamClient extends DWClient {
  private readonly opts: StreamClientOptions;
  private readonly inflight = new Set<Promise<void>>();
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private closeReason: StreamCloseReason | undefined;

  constructor(opts: StreamClientOptions) {
    super({ clientId: opts.clientId, clientSecret: opts.clientSecret, ua: UA, keepAlive: false, debug: false });
    this.opts = opts;
    // Reconnecting is ours (with backoff and a clear error); the SDK would retry every second, silently.
    this.config.autoReconnect = false;
  }

  /** Ask the gateway for an endpoint and a single-use ticket (doc 7.1.1). */
  override async getEndpoint(): Promise<this> {
    const url = `${this.opts.v1BaseUrl}${STREAM_OPEN_PATH}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ clientId: this.config.clientId, clientSecret: this.config.clientSecret, subscriptions: this.config.subscriptions, ua: UA }),
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
    } catch (err) {
      const cause = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
      throw new StreamGatewayError(`钉钉 Stream 网关不可达 (${url}): ${cause}`);
    }
    const text = await res.text();
    let body: { endpoint?: unknown; ticket?: unknown; code?: unknown; message?: unknown } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // reported below
    }
    if (!res.ok) {
      const code = typeof body.code === 'string' ? body.code : undefined;
      const hint = res.status === 401 || res.status === 403 ? '; check DINGTALK_APP_KEY / DINGTALK_APP_SECRET (ClientID / ClientSecret)' : '';
      const detail = typeof body.message === 'string' ? `: ${body.message}` : '';
      throw new StreamGatewayError(`钉钉 Stream 网关拒绝连接 (HTTP ${res.status}${code ? ` ${code}` : ''})${detail}${hint}`, res.status, code);
    }
    if (typeof body.endpoint !== 'string' || typeof body.ticket !== 'string' || !body.endpoint || !body.ticket) {
      throw new StreamGatewayError(`钉钉 Stream 网关的回答缺少 endpoint 或 ticket (HTTP ${res.status})`, res.status);
    }
    // dw_url is TS-private in the SDK; it is what _connect() opens.
    (this as unknown as { dw_url: string }).dw_url = `${body.endpoint}?ticket=${encodeURIComponent(body.ticket)}`;
    return this;
  }

  /**
   * Get a ticket and open the WebSocket. Resolves once connected; `closed` then resolves (once) with the reason the
   * connection ended.
   */
  async open(): Promise<{ closed: Promise<StreamCloseReason> }> {
    this.closeReason = undefined;
    await this.getEndpoint();
    await this._connect();
    const socket = this.currentSocket();
    if (!socket) throw new StreamGatewayError('WebSocket missing after connect');
    let alive = true;
    const markAlive = () => (alive = true);
    socket.on('pong', markAlive);
    socket.on('message', markAlive);
    this.heartbeatTimer = setInterval(() => {
      if (!alive) {
        this.closeReason ??= 'no-heartbeat';
        socket.terminate();
        return;
      }
      alive = false;
      socket.ping();
    }, this.opts.pingIntervalMs);
    const closed = new Promise<StreamCloseReason>((resolve) => {
      socket.once('close', () => {
        clearInterval(this.heartbeatTimer);
        resolve(this.closeReason ?? 'server-closed');
      });
    });
    return { closed };
  }

  /** A SYSTEM disconnect means "reconnect now" (doc 7.1.5): close this socket so the caller opens a new one. */
  override onSystem(frame: DWClientDownStream): void {
    super.onSystem(frame);
    if (frame.headers.topic === 'disconnect') {
      this.closeReason ??= 'disconnect-requested';
      this.currentSocket()?.close(1000, 'reconnecting');
    }
  }

  /** Take the event in, then acknowledge: SUCCESS once recorded, LATER when that failed. */
  override onEvent(frame: DWClientDownStream): void {
    const socket = this.currentSocket();
    const p = this.takeIn(frame, socket).finally(() => this.inflight.delete(p));
    this.inflight.add(p);
  }

  /** Close the socket (waiting for events being taken in first); no reconnect follows from here. */
  async shutdown(): Promise<void> {
    await Promise.allSettled([...this.inflight]);
    this.closeReason = 'closed-by-us';
    clearInterval(this.heartbeatTimer);
    const socket = this.currentSocket();
    if (!socket || socket.readyState === socket.CLOSED) return;
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.close(1000, 'shutdown');
    const timer = setTimeout(() => socket.terminate(), 2000);
    await closed;
    clearTimeout(timer);
  }

  private async takeIn(frame: DWClientDownStream, socket: WebSocket | undefined): Promise<void> {
    let ack: EventAckData;
    try {
      await this.opts.onEvent(frame);
      ack = { status: EventAck.SUCCESS, message: 'OK' };
    } catch (err) {
      this.opts.onEventFailed?.(err, frame);
      ack = { status: EventAck.LATER, message: 'intake failed; deliver again later' };
    }
    // On a socket that has since closed the ack cannot arrive; DingTalk delivers the event again and intake dedupes.
    if (!socket || socket !== this.currentSocket() || socket.readyState !== socket.OPEN) return;
    this.send(frame.headers.messageId, ack);
  }

  private currentSocket(): WebSocket | undefined {
    return (this as unknown as { socket?: WebSocket }).socket;
  }
}
