/**
 * One-corp sandbox for the sandbox's own route tests: started on a free port before the test file's tests (with a
 * legacy access token for the corp) and closed after them.
 */
import type { SandboxCorpOptions } from './corpTypes';
import type { SandboxCorp } from './SandboxCorp';
import { startSandbox, type SandboxHandle } from './startSandbox';
import { legacyToken } from './testClient';

/** The running sandbox, the corp's legacy token and the corp itself; read them inside tests and hooks only. */
export interface TestCorpSandbox {
  readonly handle: SandboxHandle;
  readonly token: string;
  corp(): SandboxCorp;
}

/** Register beforeAll/afterAll that start and close a sandbox serving `corp`. */
export function sandboxForTests(corp: SandboxCorpOptions): TestCorpSandbox {
  let handle: SandboxHandle | undefined;
  let token: string | undefined;
  beforeAll(async () => {
    handle = await startSandbox({ port: 0, corps: [corp] });
    token = await legacyToken(handle, corp.corpId);
  });
  afterAll(() => handle?.close());
  const started = () => {
    if (!handle || token === undefined) throw new Error('the sandbox starts in beforeAll: use it inside tests');
    return { handle, token };
  };
  return {
    get handle() {
      return started().handle;
    },
    get token() {
      return started().token;
    },
    corp: () => started().handle.corps.get(corp.corpId)!,
  };
}
