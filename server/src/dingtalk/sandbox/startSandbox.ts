/** Starts the DingTalk sandbox on a port and returns a handle tests, benchmarks and demo mode drive it with. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxCorpOptions } from './corpTypes';
import type { SandboxFaults, SandboxStats } from './faultInjector';
import { generateCorp } from './generateCorp';
import { createSandboxApp } from './sandboxApp';
import type { SandboxCorp } from './SandboxCorp';
import { issueAuthCodeFor } from './sandboxRoutes';
import { SandboxState } from './sandboxState';
import type { StreamHub, StreamHubOptions } from './streamHub';
import type { SandboxMessages } from './messageStore';

/** Options of startSandbox. */
export interface StartSandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  corps: SandboxCorpOptions[];
  faults?: SandboxFaults;
  /** Seeds failure injection, so a run with failRate replays identically. Default 1. */
  faultSeed?: number;
  /** Stream gateway tuning (ticket lifetime, redelivery delay, disconnect grace); tests shorten them. */
  stream?: StreamHubOptions;
}

/** A running sandbox. */
export interface SandboxHandle {
  /** e.g. http://127.0.0.1:4010 (no trailing slash). */
  url: string;
  port: number;
  /** By corpId; the live objects the server answers from. */
  corps: Map<string, SandboxCorp>;
  /** Replace the current faults. */
  setFaults(f: SandboxFaults): void;
  /** Calls by path, total, throttled and failed since start or resetStats. */
  stats(): SandboxStats;
  resetStats(): void;
  /** Same as POST /sandbox/authCode; throws for an unknown corp or user. */
  issueAuthCode(corpId: string, userid: string): string;
  /** The Stream gateway: push events, ping, disconnect, drop or freeze connections, read its status. */
  stream: StreamHub;
  /** Work notifications: inboxes, tasks and the limits in force (tests lower them). */
  messages: SandboxMessages;
  close(): Promise<void>;
}

/** Generate the corps and start serving them. */
export async function startSandbox(opts: StartSandboxOptions): Promise<SandboxHandle> {
  if (opts.corps.length === 0) throw new Error('startSandbox: at least one corp is required');
  const state = new SandboxState(opts.faultSeed ?? 1, Date.now, opts.stream);
  for (const corpOptions of opts.corps) state.addCorp(generateCorp(corpOptions));
  state.setFaults(opts.faults ?? {});

  const server = createServer(createSandboxApp(state).callback());
  server.on('upgrade', (req, socket, head) => state.stream.handleUpgrade(req, socket, head));
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  // A wildcard bind is reachable on loopback; brackets for IPv6 literals.
  const urlHost = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    corps: state.corps,
    setFaults: (f) => state.setFaults(f),
    stats: () => state.faults.stats(),
    resetStats: () => state.faults.resetStats(),
    issueAuthCode: (corpId, userid) => {
      const issued = issueAuthCodeFor(state, corpId, userid);
      if ('error' in issued) throw new Error(issued.error);
      return issued.code;
    },
    stream: state.stream,
    messages: state.messages,
    close: () => {
      closing ??= state.stream.close().then(
        () =>
          new Promise<void>((resolve, reject) => {
            server.close((err) => (err ? reject(err) : resolve()));
            // Keep-alive sockets (fetch, the SDK's agent) would otherwise hold close() open.
            server.closeAllConnections();
          }),
      );
      return closing;
    },
  };
}
