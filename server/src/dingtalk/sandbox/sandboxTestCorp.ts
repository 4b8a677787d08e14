/**
 * One-corp sandbox for the sandbox's own route tests: start it on a free port with the given corp and get a legacy
 * access token for that corp. The caller closes `handle` when done (in afterAll).
 */
import type { SandboxCorpOptions } from './corpTypes';
import { startSandbox, type SandboxHandle } from './startSandbox';
import { legacyToken } from './testClient';

export async function startTestCorp(corp: SandboxCorpOptions): Promise<{ handle: SandboxHandle; token: string }> {
  const handle = await startSandbox({ port: 0, corps: [corp] });
  try {
    return { handle, token: await legacyToken(handle, corp.corpId) };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
