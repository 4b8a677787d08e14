/**
 * Command-line flags of the sandbox CLI, checked all at once so a typo'd value names its flag and what was
 * expected instead of starting a sandbox with a surprising company.
 */
import { parseArgs } from 'node:util';
import { MIN_EMPLOYEES, type SandboxCorpOptions } from './corpTypes';
import type { SandboxFaults } from './faultInjector';

/** What the CLI starts. */
export interface CliOptions {
  port: number;
  host: string;
  corp: SandboxCorpOptions;
  faults: SandboxFaults;
}

/** Flag problems; the CLI prints them and exits with code 2. */
export class CliUsageError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'CliUsageError';
  }
}

/** Usage text. */
export const USAGE = `Usage: sandbox [--port 4010] [--host 127.0.0.1] [--employees 500] [--seed 7]
               [--corp-id dingliucaidemo] [--corp-name 名称] [--app-key KEY] [--app-secret SECRET] [--agent-id 3000001]
               [--as-of YYYY-MM-DD] [--throttle-qps N] [--latency-ms N]`;

const DEFAULTS = {
  port: 4010,
  host: '127.0.0.1',
  employees: 500,
  seed: 7,
  corpId: 'dingliucaidemo',
  appKey: 'liucai-demo-key',
  appSecret: 'liucai-demo-secret',
  agentId: 3000001,
};

/** Parse argv (without node and script) into options, or throw CliUsageError listing every bad flag. */
export function parseCliArgs(argv: string[]): CliOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    const flags = ['port', 'host', 'employees', 'seed', 'corp-id', 'corp-name', 'app-key', 'app-secret', 'agent-id', 'as-of', 'throttle-qps', 'latency-ms'];
    values = parseArgs({ args: argv, options: Object.fromEntries(flags.map((f) => [f, { type: 'string' as const }])), strict: true }).values;
  } catch (err) {
    throw new CliUsageError([err instanceof Error ? err.message : String(err)]);
  }
  const problems: string[] = [];
  const str = (name: string): string | undefined => {
    const v = values[name];
    return typeof v === 'string' ? v : undefined;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = str(name);
    if (raw === undefined) return fallback;
    const n = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      problems.push(`--${name}: expected an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return n;
  };
  const text = (name: string, fallback: string): string => {
    const raw = str(name);
    if (raw === undefined) return fallback;
    if (raw.trim() === '') problems.push(`--${name}: expected a non-empty value`);
    return raw;
  };
  const port = int('port', DEFAULTS.port, 0, 65535);
  const employees = int('employees', DEFAULTS.employees, MIN_EMPLOYEES, 200_000);
  const seed = int('seed', DEFAULTS.seed, -2147483648, 4294967295);
  const agentId = int('agent-id', DEFAULTS.agentId, 1, Number.MAX_SAFE_INTEGER);
  const asOf = str('as-of');
  let asOfMs: number | undefined;
  if (asOf !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
    asOfMs = m ? Date.parse(`${asOf}T00:00:00+08:00`) : NaN;
    if (!Number.isFinite(asOfMs)) problems.push(`--as-of: expected a date YYYY-MM-DD, got "${asOf}"`);
  }
  const faults: SandboxFaults = {};
  if (str('throttle-qps') !== undefined) faults.throttleQps = int('throttle-qps', 0, 1, 100_000);
  if (str('latency-ms') !== undefined) faults.latencyMs = int('latency-ms', 0, 0, 60_000);
  const corpName = str('corp-name');
  const corp: SandboxCorpOptions = {
    corpId: text('corp-id', DEFAULTS.corpId),
    appKey: text('app-key', DEFAULTS.appKey),
    appSecret: text('app-secret', DEFAULTS.appSecret),
    agentId,
    seed,
    employees,
    ...(corpName !== undefined ? { corpName: text('corp-name', corpName) } : {}),
    ...(asOfMs !== undefined && Number.isFinite(asOfMs) ? { asOfMs } : {}),
  };
  if (problems.length > 0) throw new CliUsageError(problems);
  return { port, host: text('host', DEFAULTS.host), corp, faults };
}
