/**
 * The only module that touches `dingtalk-jsapi`. Everything DingTalk-specific the micro-app needs from the
 * client goes through here, so the rest of the app can run (and be tested) in any browser.
 */
import 'dingtalk-jsapi/entry/union'; // registers the PC and mobile platforms (required before any API call)
// Named imports on purpose: these are CommonJS modules, and a default import resolves differently under
// Node-style interop (module.exports) than under __esModule interop (exports.default).
import { requestAuthCode$ as requestAuthCode } from 'dingtalk-jsapi/api/runtime/permission/requestAuthCode';
import { setTitle$ as setNavigationTitle } from 'dingtalk-jsapi/api/biz/navigation/setTitle';
import { getENV } from 'dingtalk-jsapi/lib/env';

/** DingTalk's platform name (`ios`, `android`, `pc`, …) or `notInDingTalk`. */
export function dingTalkPlatform(): string {
  try {
    return getENV().platform;
  } catch {
    return 'notInDingTalk';
  }
}

/** True when the page runs inside the DingTalk client (mobile or PC). */
export function isInDingTalk(): boolean {
  return dingTalkPlatform() !== 'notInDingTalk';
}

/** Why a DingTalk JSAPI error happened, in words a user understands. */
function describe(err: unknown): string {
  if (typeof err === 'object' && err !== null) {
    const e = err as { errorMessage?: unknown; message?: unknown; errorCode?: unknown };
    const text = [e.errorMessage, e.message].find((m) => typeof m === 'string' && m);
    if (typeof text === 'string') return text;
    if (e.errorCode !== undefined) return `错误码 ${String(e.errorCode)}`;
  }
  return typeof err === 'string' && err ? err : '未知错误';
}

/** How long to wait for DingTalk to answer before giving up (a missing native bridge never answers). */
export const AUTH_CODE_TIMEOUT_MS = 15_000;

/**
 * Asks DingTalk for a one-time login code (免登授权码, valid 5 minutes) for `corpId`.
 * Rejects with a Chinese message when not in DingTalk, when DingTalk refuses, or when it does not answer in time.
 */
export async function getDingTalkAuthCode(corpId: string, timeoutMs: number = AUTH_CODE_TIMEOUT_MS): Promise<string> {
  if (!corpId) throw new Error('获取钉钉授权码失败：缺少企业 corpId');
  if (!isInDingTalk()) throw new Error('获取钉钉授权码失败：当前不在钉钉客户端中，请在钉钉工作台中打开留才');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('获取钉钉授权码失败：钉钉没有响应，请重试或升级钉钉客户端')), timeoutMs);
  });
  let result: { code?: unknown } | undefined;
  try {
    result = await Promise.race([
      requestAuthCode({ corpId }).catch((err: unknown) => {
        throw new Error(`获取钉钉授权码失败：${describe(err)}`);
      }),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
  if (!result || typeof result.code !== 'string' || !result.code) {
    throw new Error('获取钉钉授权码失败：钉钉没有返回授权码');
  }
  return result.code;
}

/** Sets the native navigation bar title inside DingTalk (no-op elsewhere; failures are ignored). */
export function setDingTalkTitle(title: string): void {
  if (!isInDingTalk()) return;
  setNavigationTitle({ title }).catch(() => undefined);
}
