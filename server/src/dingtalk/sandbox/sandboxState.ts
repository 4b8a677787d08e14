/** Everything one running sandbox knows: its corps, the credentials it issued, and the faults in force. */
import { FaultInjector, type SandboxFaults } from './faultInjector';
import { SandboxMessages } from './messageStore';
import type { SandboxCorp } from './SandboxCorp';
import { StreamHub, type StreamHubOptions } from './streamHub';
import { TokenStore } from './tokenStore';

/** Shared state of one sandbox server. */
export class SandboxState {
  /** Corps by corpId (the handle exposes this same map, so tests mutate what the server serves). */
  readonly corps = new Map<string, SandboxCorp>();
  readonly tokens: TokenStore;
  readonly faults: FaultInjector;
  /** The Stream mode gateway (doc 7.1). */
  readonly stream: StreamHub;
  /** Work notifications: tasks, limits and each person's inbox (doc 6). */
  readonly messages: SandboxMessages;

  constructor(faultSeed: number, now: () => number = Date.now, streamOptions: StreamHubOptions = {}) {
    this.tokens = new TokenStore(now);
    this.faults = new FaultInjector(faultSeed, now);
    this.stream = new StreamHub(this, streamOptions, now);
    this.messages = new SandboxMessages(now);
  }

  /** Add a corp; corpId and appKey must be unique within the sandbox. */
  addCorp(corp: SandboxCorp): void {
    if (this.corps.has(corp.corpId)) throw new Error(`duplicate sandbox corpId ${corp.corpId}`);
    if (this.corpByAppKey(corp.appKey)) throw new Error(`duplicate sandbox appKey ${corp.appKey}`);
    this.corps.set(corp.corpId, corp);
    this.stream.watch(corp);
  }

  /** The corp whose app has this appKey. */
  corpByAppKey(appKey: string | undefined): SandboxCorp | undefined {
    if (!appKey) return undefined;
    for (const corp of this.corps.values()) if (corp.appKey === appKey) return corp;
    return undefined;
  }

  /** The corp for app credentials, only when both match. */
  corpByCredentials(appKey: string | undefined, appSecret: string | undefined): SandboxCorp | undefined {
    const corp = this.corpByAppKey(appKey);
    return corp && appSecret !== undefined && corp.appSecret === appSecret ? corp : undefined;
  }

  /** Replace the faults; the token lifetime applies to tokens issued from now on. */
  setFaults(faults: SandboxFaults): void {
    this.faults.set(faults);
    this.tokens.setTokenTtl(faults.tokenTtlSeconds);
  }
}
