/**
 * The sandbox's Stream gateway (doc 7.1): single-use tickets, WebSocket connections, EVENT frames with
 * acknowledgement and redelivery, SYSTEM ping and disconnect frames. Org changes made through the sandbox's
 * controls become contact events for the connected clients of that corp.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { STREAM_DISCONNECT_GRACE_MS, STREAM_EVENT_TOPIC, STREAM_REDELIVERY_MS, STREAM_TICKET_REJECTED_STATUS, STREAM_TICKET_TTL_SECONDS } from '../wireFacts';
import type { SandboxCorp } from './SandboxCorp';
import { orgChangeData, rawText, refuse, sandboxAppId, type StreamFrame } from './streamFrames';

export type { StreamFrame } from './streamFrames';

/** Tuning of the gateway; tests shorten the delays. */
export interface StreamHubOptions {
  /** Default 90 s (doc 7.1). */
  ticketTtlMs?: number;
  /** Unacked or LATER events are pushed again after this long. Default 60 s. */
  redeliveryMs?: number;
  /** Time between a SYSTEM disconnect frame and the close. Default 10 s. */
  disconnectGraceMs?: number;
}

/** What the hub needs from the sandbox: app credentials and the corps. */
export interface StreamHubCorps {
  corps: Map<string, SandboxCorp>;
  corpByCredentials(appKey: string | undefined, appSecret: string | undefined): SandboxCorp | undefined;
}

interface Ticket {
  corpId: string;
  expiresAt: number;
  used: boolean;
  events: boolean;
}

interface Connection {
  id: string;
  corpId: string;
  appId: string;
  ws: WebSocket;
  /** Subscribed to EVENT `*`. */
  events: boolean;
  /** A frozen connection neither sends nor answers: a dead network path the client must notice itself. */
  frozen: boolean;
  pingsAnswered: number;
}

interface PendingEvent {
  eventId: string;
  corpId: string;
  eventType: string;
  data: string;
  bornMs: number;
  pushes: number;
  messageId?: string;
  timer?: NodeJS.Timeout;
}

/** Counters a test or the control routes read. */
export interface StreamHubStats {
  ticketsIssued: number;
  ticketsRejected: number;
  pushes: number;
  redeliveries: number;
  acked: number;
  later: number;
  pingsSent: number;
  pingsAnswered: number;
}

/** Public view of the gateway's state (never a secret). */
export interface StreamHubStatus {
  connections: { id: string; corpId: string; events: boolean; frozen: boolean; pingsAnswered: number }[];
  /** Events not yet acknowledged with SUCCESS. */
  pending: { eventId: string; eventType: string; pushes: number; waiting: boolean }[];
  stats: StreamHubStats;
}

/** One sandbox's Stream gateway. */
export class StreamHub {
  private readonly wss = new WebSocketServer({ noServer: true, autoPong: false });
  private readonly tickets = new Map<string, Ticket>();
  private readonly connections = new Map<string, Connection>();
  private readonly pending = new Map<string, PendingEvent>();
  /** messageId of the latest push → eventId. */
  private readonly pushes = new Map<string, string>();
  private readonly pings = new Map<string, { connId: string; data: string }>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly opts: Required<StreamHubOptions>;
  private readonly counters: StreamHubStats = {
    ticketsIssued: 0,
    ticketsRejected: 0,
    pushes: 0,
    redeliveries: 0,
    acked: 0,
    later: 0,
    pingsSent: 0,
    pingsAnswered: 0,
  };
  private closed = false;

  constructor(
    private readonly sandbox: StreamHubCorps,
    opts: StreamHubOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.opts = {
      ticketTtlMs: opts.ticketTtlMs ?? STREAM_TICKET_TTL_SECONDS * 1000,
      redeliveryMs: opts.redeliveryMs ?? STREAM_REDELIVERY_MS,
      disconnectGraceMs: opts.disconnectGraceMs ?? STREAM_DISCONNECT_GRACE_MS,
    };
  }

  /** Turn the corp's org changes into contact events. */
  watch(corp: SandboxCorp): void {
    corp.onOrgChange((change) => {
      // One clock reading for both, as DingTalk's timeStamp is the event's birth time.
      const bornMs = this.now();
      this.publish(corp.corpId, change.eventType, orgChangeData(change, bornMs), undefined, bornMs);
    });
  }

  /** Change the redelivery delay from now on (tests). */
  setRedeliveryMs(ms: number): void {
    this.opts.redeliveryMs = ms;
  }

  /** POST /v1.0/gateway/connections/open: a ticket for the app, or undefined when the credentials are wrong. */
  openTicket(clientId: string, clientSecret: string, subscriptions: { type: string; topic: string }[]): { ticket: string } | undefined {
    const corp = this.sandbox.corpByCredentials(clientId, clientSecret);
    if (!corp) return undefined;
    const ticket = randomBytes(24).toString('hex');
    this.tickets.set(ticket, {
      corpId: corp.corpId,
      expiresAt: this.now() + this.opts.ticketTtlMs,
      used: false,
      events: subscriptions.some((s) => s.type === 'EVENT' && s.topic === STREAM_EVENT_TOPIC),
    });
    this.counters.ticketsIssued++;
    return { ticket };
  }

  /** The HTTP server's `upgrade` handler: `GET /connect?ticket=…` becomes a Stream connection. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (url.pathname !== '/connect') return refuse(socket, 404, `no WebSocket endpoint at ${url.pathname}`);
    const ticketId = url.searchParams.get('ticket') ?? '';
    const ticket = this.tickets.get(ticketId);
    const problem = !ticketId
      ? 'ticket is required'
      : !ticket
        ? 'unknown ticket'
        : ticket.used
          ? 'ticket already used (a ticket is single-use)'
          : ticket.expiresAt <= this.now()
            ? 'ticket expired (valid 90 s)'
            : undefined;
    if (problem || !ticket || this.closed) {
      this.counters.ticketsRejected++;
      return refuse(socket, STREAM_TICKET_REJECTED_STATUS, problem ?? 'gateway closing');
    }
    ticket.used = true;
    this.wss.handleUpgrade(req, socket, head, (ws) => this.attach(ws, ticket));
  }

  /**
   * Push an event to one connected client of the corp (DingTalk load-balances between a corp's clients); with no
   * client connected it waits for the next one. Returns the eventId.
   */
  publish(
    corpId: string,
    eventType: string,
    data: Record<string, unknown>,
    eventId: string = randomUUID().replace(/-/g, ''),
    bornMs: number = this.now(),
  ): string {
    const existing = this.pending.get(eventId);
    if (existing) return eventId;
    const event: PendingEvent = { eventId, corpId, eventType, data: JSON.stringify(data), bornMs, pushes: 0 };
    this.pending.set(eventId, event);
    this.push(event);
    return eventId;
  }

  /** Send a SYSTEM ping to every live connection (of one corp); returns how many were sent. */
  ping(corpId?: string): number {
    let sent = 0;
    for (const conn of this.live(corpId)) {
      const messageId = randomUUID();
      const data = JSON.stringify({ opaque: randomUUID() });
      this.pings.set(messageId, { connId: conn.id, data });
      this.send(conn, { specVersion: '1.0', type: 'SYSTEM', headers: this.systemHeaders(conn, 'ping', messageId), data });
      this.counters.pingsSent++;
      sent++;
    }
    return sent;
  }

  /** Send SYSTEM disconnect to every live connection (of one corp), closing each after the grace period. */
  disconnect(reason: string, corpId?: string): number {
    let sent = 0;
    for (const conn of this.live(corpId)) {
      this.send(conn, { specVersion: '1.0', type: 'SYSTEM', headers: this.systemHeaders(conn, 'disconnect', randomUUID()), data: JSON.stringify({ reason }) });
      this.later(() => conn.ws.close(1000, 'disconnect'), this.opts.disconnectGraceMs);
      sent++;
    }
    return sent;
  }

  /** Cut every connection (of one corp) without a word, as a network failure would. */
  drop(corpId?: string): number {
    const conns = [...this.connections.values()].filter((c) => corpId === undefined || c.corpId === corpId);
    for (const conn of conns) conn.ws.terminate();
    return conns.length;
  }

  /** Freeze every connection (of one corp): nothing is sent or answered on it any more, WebSocket pings included. */
  freeze(corpId?: string): number {
    const conns = this.live(corpId);
    for (const conn of conns) conn.frozen = true;
    return conns.length;
  }

  /** Connections, pending events and counters. */
  status(): StreamHubStatus {
    return {
      connections: [...this.connections.values()].map((c) => ({
        id: c.id,
        corpId: c.corpId,
        events: c.events,
        frozen: c.frozen,
        pingsAnswered: c.pingsAnswered,
      })),
      pending: [...this.pending.values()].map((e) => ({ eventId: e.eventId, eventType: e.eventType, pushes: e.pushes, waiting: e.messageId === undefined })),
      stats: { ...this.counters },
    };
  }

  /** Close every connection and forget pending work. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const e of this.pending.values()) clearTimeout(e.timer);
    for (const conn of this.connections.values()) conn.ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private attach(ws: WebSocket, ticket: Ticket): void {
    const corp = this.sandbox.corps.get(ticket.corpId);
    const conn: Connection = {
      id: randomUUID(),
      corpId: ticket.corpId,
      appId: sandboxAppId(corp?.appKey ?? ticket.corpId),
      ws,
      events: ticket.events,
      frozen: false,
      pingsAnswered: 0,
    };
    this.connections.set(conn.id, conn);
    ws.on('message', (raw) => this.onMessage(conn, raw));
    ws.on('ping', (payload) => {
      if (!conn.frozen) ws.pong(payload);
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => this.connections.delete(conn.id));
    // Events that waited for a client go out now.
    for (const event of this.pending.values()) if (event.corpId === conn.corpId && event.messageId === undefined && event.timer === undefined) this.push(event);
  }

  private onMessage(conn: Connection, raw: RawData): void {
    if (conn.frozen) return;
    let frame: { code?: unknown; headers?: { messageId?: unknown }; data?: unknown };
    try {
      frame = JSON.parse(rawText(raw)) as typeof frame;
    } catch {
      return conn.ws.close(1007, 'frames must be JSON');
    }
    const messageId = typeof frame.headers?.messageId === 'string' ? frame.headers.messageId : '';
    const ping = this.pings.get(messageId);
    if (ping) {
      this.pings.delete(messageId);
      // The reply must echo the ping's data (doc 7.1.5).
      if (ping.connId === conn.id && frame.code === 200 && frame.data === ping.data) {
        conn.pingsAnswered++;
        this.counters.pingsAnswered++;
      }
      return;
    }
    const eventId = this.pushes.get(messageId);
    const event = eventId === undefined ? undefined : this.pending.get(eventId);
    if (!event || event.messageId !== messageId) return; // an ack of an older push: the newer one decides
    let status: unknown;
    try {
      status = (JSON.parse(typeof frame.data === 'string' ? frame.data : '') as { status?: unknown }).status;
    } catch {
      status = undefined;
    }
    if (status === 'SUCCESS') {
      this.counters.acked++;
      clearTimeout(event.timer);
      this.pending.delete(event.eventId);
      this.pushes.delete(messageId);
    } else if (status === 'LATER') {
      this.counters.later++;
      this.pushes.delete(messageId);
      event.messageId = undefined;
      this.armRedelivery(event);
    }
    // Anything else (no status) counts as no answer: the redelivery timer stays armed.
  }

  private push(event: PendingEvent): void {
    if (this.closed) return;
    const targets = this.live(event.corpId).filter((c) => c.events);
    const conn = targets[Math.floor(Math.random() * targets.length)];
    if (!conn) {
      event.messageId = undefined; // waits for the next connection
      return;
    }
    const messageId = randomUUID();
    if (event.messageId) this.pushes.delete(event.messageId);
    event.messageId = messageId;
    event.pushes++;
    this.counters.pushes++;
    if (event.pushes > 1) this.counters.redeliveries++;
    this.pushes.set(messageId, event.eventId);
    this.send(conn, {
      specVersion: '1.0',
      type: 'EVENT',
      headers: {
        appId: conn.appId,
        connectionId: conn.id,
        contentType: 'application/json',
        eventBornTime: String(event.bornMs),
        eventCorpId: event.corpId,
        eventId: event.eventId,
        eventType: event.eventType,
        eventUnifiedAppId: conn.appId,
        messageId,
        time: String(this.now()),
        topic: STREAM_EVENT_TOPIC,
      },
      data: event.data,
    });
    this.armRedelivery(event);
  }

  private armRedelivery(event: PendingEvent): void {
    clearTimeout(event.timer);
    event.timer = setTimeout(() => {
      event.timer = undefined;
      if (this.pending.has(event.eventId)) this.push(event);
    }, this.opts.redeliveryMs);
    event.timer.unref();
  }

  private live(corpId?: string): Connection[] {
    return [...this.connections.values()].filter((c) => !c.frozen && c.ws.readyState === c.ws.OPEN && (corpId === undefined || c.corpId === corpId));
  }

  private systemHeaders(conn: Connection, topic: string, messageId: string): Record<string, string> {
    return { appId: conn.appId, connectionId: conn.id, contentType: 'application/json', messageId, time: String(this.now()), topic };
  }

  private send(conn: Connection, frame: StreamFrame): void {
    conn.ws.send(JSON.stringify(frame));
  }

  private later(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    t.unref();
    this.timers.add(t);
  }
}
