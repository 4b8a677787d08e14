import { CliUsageError, parseCliArgs } from './cliArgs';

describe('parseCliArgs', () => {
  it('has demo defaults', () => {
    expect(parseCliArgs([])).toEqual({
      port: 4010,
      host: '127.0.0.1',
      corp: { corpId: 'dingliucaidemo', appKey: 'liucai-demo-key', appSecret: 'liucai-demo-secret', agentId: 3000001, seed: 7, employees: 500 },
      faults: {},
    });
  });

  it('reads every flag', () => {
    const opts = parseCliArgs(
      ['--port', '0', '--employees', '10000', '--seed', '42', '--corp-id', 'dingx', '--app-key', 'k', '--app-secret', 's', '--agent-id', '5'].concat([
        '--corp-name',
        '某公司',
        '--as-of',
        '2027-01-15',
        '--throttle-qps',
        '20',
        '--latency-ms',
        '5',
        '--host',
        '0.0.0.0',
      ]),
    );
    expect(opts).toEqual({
      port: 0,
      host: '0.0.0.0',
      corp: {
        corpId: 'dingx',
        corpName: '某公司',
        appKey: 'k',
        appSecret: 's',
        agentId: 5,
        seed: 42,
        employees: 10000,
        asOfMs: Date.parse('2027-01-15T00:00:00+08:00'),
      },
      faults: { throttleQps: 20, latencyMs: 5 },
    });
  });

  it('names every bad flag and what it expected', () => {
    let caught: unknown;
    try {
      parseCliArgs(['--port', '99999', '--employees', 'lots', '--seed', '1.5', '--as-of', 'tomorrow', '--app-key', ' ']);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(CliUsageError);
    const problems = (caught as CliUsageError).problems;
    expect(problems).toEqual([
      '--port: expected an integer from 0 to 65535, got "99999"',
      '--employees: expected an integer from 20 to 200000, got "lots"',
      '--seed: expected an integer from -2147483648 to 4294967295, got "1.5"',
      '--as-of: expected a date YYYY-MM-DD, got "tomorrow"',
      '--app-key: expected a non-empty value',
    ]);
  });

  it('rejects unknown flags and missing values', () => {
    expect(() => parseCliArgs(['--bogus'])).toThrow(CliUsageError);
    expect(() => parseCliArgs(['--port'])).toThrow(/--port/);
  });
});
