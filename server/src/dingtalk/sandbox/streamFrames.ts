/** The Stream gateway's wire pieces (doc 7.1): frames, payloads of contact events, ids, refused upgrades. */
import { createHash } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RawData } from 'ws';
import { STREAM_DEPT_FIELD } from '../wireFacts';
import type { OrgChange } from './SandboxCorp';

/** A frame the gateway sends (doc 7.1.3). */
export interface StreamFrame {
  specVersion: '1.0';
  type: 'SYSTEM' | 'EVENT' | 'CALLBACK';
  headers: Record<string, string>;
  /** A JSON string. */
  data: string;
}

/** The unified app id DingTalk puts in `appId` / `eventUnifiedAppId`: stable per app key in the sandbox. */
export function sandboxAppId(appKey: string): string {
  const h = createHash('sha1').update(`app:${appKey}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Stream `data` of a contact event (doc 7.1 / 7.2). */
export function orgChangeData(change: OrgChange, atMs: number): Record<string, unknown> {
  if ('userIds' in change) return { timeStamp: String(atMs), userId: change.userIds };
  return { timeStamp: String(atMs), [STREAM_DEPT_FIELD]: change.deptIds };
}

/** The text of a received WebSocket message. */
export function rawText(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.from(raw as ArrayBuffer).toString('utf8');
}

/** Answer a refused upgrade with a plain HTTP response naming the reason, then hang up. */
export function refuse(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ code: status === 404 ? 'NotFound' : 'InvalidTicket', message });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
