/**
 * A MariaDB and a Redis of a test's own, under a temp directory on their own ports, so fault tests can stop, kill and
 * restart them without touching the machine's shared services (other tests and engineers use those at the same time).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { waitFor } from './waitFor';
import { realClockOptions } from './laterClock';

/** The first of `candidates` that exists, or the name found on PATH. */
function binary(name: string, candidates: string[]): string {
  for (const c of candidates) if (fs.existsSync(c)) return c;
  const which = spawnSync('which', [name], { encoding: 'utf8' });
  const found = which.stdout.trim();
  if (which.status === 0 && found) return found;
  throw new Error(`${name} not found (looked in ${candidates.join(', ')} and PATH): install MariaDB 10.11 and Redis 7`);
}

/**
 * A port nothing listens on right now, below Linux's ephemeral range (32768+). A service that is down on an ephemeral
 * port is a trap: a client reconnecting to it in a loop can be given that very port as its own source port and
 * connect to itself (TCP self-connect), then wait forever for answers to its own commands.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    const srv = net.createServer();
    const ok = await new Promise<boolean>((resolve) => {
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (ok) {
      await new Promise<void>((resolve) => srv.close(() => resolve()));
      return port;
    }
  }
}

/** True when something accepts TCP connections on the port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** A child process with its output kept for error messages. */
class Daemon {
  private child: ChildProcess | null = null;
  private out = '';
  constructor(
    readonly label: string,
    private readonly cmd: string,
    private readonly args: string[],
  ) {}

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  output(): string {
    return this.out.slice(-4000);
  }

  start(): void {
    const child = spawn(this.cmd, this.args, { stdio: ['ignore', 'pipe', 'pipe'], ...realClockOptions() });
    child.stdout!.on('data', (d: Buffer) => (this.out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (this.out += d.toString()));
    this.child = child;
  }

  /** Send `signal` and wait for the process to exit. */
  async stop(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }
}

export interface PrivateRedis {
  url: string;
  port: number;
  /** Start (again) on the same port and directory; with append-only persistence the data survives a stop. */
  start(): Promise<void>;
  /** Stop it (SIGTERM: Redis syncs its append-only file and exits). */
  stop(): Promise<void>;
  /** Stop everything and remove the directory. */
  close(): Promise<void>;
}

/**
 * redis-server on its own port, persisting to an append-only file in `dir` (as production should: Redis 7 with AOF),
 * so stopping and starting it keeps queued jobs and schedulers.
 */
export async function startPrivateRedis(dir: string): Promise<PrivateRedis> {
  const bin = binary('redis-server', ['/usr/bin/redis-server', '/usr/local/bin/redis-server']);
  const port = await freePort();
  fs.mkdirSync(dir, { recursive: true });
  const daemon = new Daemon('redis', bin, [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'yes',
    '--maxmemory-policy',
    'noeviction',
  ]);
  const start = async () => {
    daemon.start();
    await waitFor(`redis-server on port ${port}\n${daemon.output()}`, () => accepts(port), 20000, 50);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop: () => daemon.stop('SIGTERM'),
    async close() {
      await daemon.stop('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PrivateMariadb {
  port: number;
  /** `mysql://root@127.0.0.1:<port>/<database>` */
  url(database: string): string;
  /** Start (again) on the same data directory and port, and wait until it accepts connections. */
  start(): Promise<void>;
  /** Stop it: SIGTERM shuts down cleanly (as `systemctl stop`), SIGKILL crashes it (InnoDB recovers at the next start). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  close(): Promise<void>;
}

/**
 * mariadbd with its own data directory (made by mariadb-install-db), port and socket under `dir`. Root has no
 * password on 127.0.0.1, as on the project's machines. Takes about 10 s to create.
 */
export async function startPrivateMariadb(dir: string): Promise<PrivateMariadb> {
  const installDb = binary('mariadb-install-db', ['/usr/bin/mariadb-install-db', '/usr/local/bin/mariadb-install-db']);
  const mariadbd = binary('mariadbd', ['/usr/sbin/mariadbd', '/usr/bin/mariadbd', '/usr/local/sbin/mariadbd']);
  const datadir = path.join(dir, 'data');
  fs.mkdirSync(dir, { recursive: true });
  const user = process.getuid?.() === 0 ? ['--user=root'] : [];
  const install = spawnSync(installDb, ['--no-defaults', `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...user], {
    encoding: 'utf8',
  });
  if (install.status !== 0) throw new Error(`mariadb-install-db failed:\n${install.stdout}\n${install.stderr}`);
  const port = await freePort();
  const daemon = new Daemon('mariadb', mariadbd, [
    '--no-defaults',
    `--datadir=${datadir}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    `--socket=${path.join(dir, 'mysqld.sock')}`,
    `--pid-file=${path.join(dir, 'mysqld.pid')}`,
    '--skip-name-resolve',
    '--skip-log-bin',
    '--innodb-buffer-pool-size=64M',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    ...user,
  ]);
  const start = async () => {
    daemon.start();
    await waitFor(`mariadbd on port ${port}`, async () => (daemon.running ? accepts(port) : Promise.reject(new Error(daemon.output()))), 60000, 100);
  };
  await start();
  return {
    port,
    url: (database) => `mysql://root@127.0.0.1:${port}/${database}`,
    start,
    stop: (signal = 'SIGTERM') => daemon.stop(signal),
    async close() {
      await daemon.stop('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A TCP forwarder in front of a server, so a test can make that server vanish for its clients (`cut`: connections
 * reset, new ones refused) and come back (`restore`) without touching the server itself.
 */
export async function startTcpProxy(target: {
  host: string;
  port: number;
}): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const make = () =>
    net.createServer((client) => {
      const upstream = net.connect(target.port, target.host);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  let server = make();
  const port = await freePort();
  const listen = () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const cut = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
  };
  await listen();
  return {
    port,
    cut,
    async restore() {
      server = make();
      await listen();
    },
    close: cut,
  };
}
