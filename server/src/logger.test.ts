import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACT_PATHS } from './logger';

function capture(): { log: pino.Logger; lines: () => string } {
  let out = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      out += chunk.toString();
      cb();
    },
  });
  return { log: pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, stream), lines: () => out };
}

describe('logger redaction', () => {
  it('never prints secrets, tokens, auth codes or cookies', () => {
    const { log, lines } = capture();
    log.info(
      { appSecret: 'S1', dingtalk: { appSecret: 'S2', access_token: 'T1' }, accessToken: 'T2', authCode: 'C1', req: { headers: { cookie: 'liucai_sid=abc' } } },
      'x',
    );
    const text = lines();
    for (const secret of ['S1', 'S2', 'T1', 'T2', 'C1', 'liucai_sid=abc']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
  it('never prints the Stream clientSecret, alone or inside an SDK config', () => {
    const { log, lines } = capture();
    log.info({ clientSecret: 'CS1', stream: { clientSecret: 'CS2' }, client: { config: { clientId: 'app-key', clientSecret: 'CS3' } } }, 'stream');
    const text = lines();
    for (const secret of ['CS1', 'CS2', 'CS3']) expect(text).not.toContain(secret);
    expect(text).toContain('app-key');
  });
  it('keeps DingTalk error codes readable', () => {
    const { log, lines } = capture();
    log.warn({ err: { code: 40014, api: '/topapi/v2/user/get' } }, 'failed');
    expect(lines()).toContain('40014');
  });
});
