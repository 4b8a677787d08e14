/**
 * Work notifications (工作通知, doc §6): asyncsend_v2, getsendprogress, getsendresult and recall. All four are
 * metered. Sending is never repeated blindly by the client: a timeout may have reached DingTalk, so the outbox
 * reconciles it instead (see modules/notify/commands/outboxSender.ts).
 */
import type { DingTalkClient } from './dingTalkClient';
import type { LegacyEnvelope } from './legacyTypes';

export const SEND_API = '/topapi/message/corpconversation/asyncsend_v2';
export const PROGRESS_API = '/topapi/message/corpconversation/getsendprogress';
export const RESULT_API = '/topapi/message/corpconversation/getsendresult';
export const RECALL_API = '/topapi/message/corpconversation/recall';

/** getsendresult's `send_result` (doc §6.3). */
export interface SendResult {
  invalid_user_id_list: string[];
  forbidden_user_id_list: string[];
  failed_user_id_list: string[];
  read_user_id_list: string[];
  unread_user_id_list: string[];
  invalid_dept_id_list: number[];
  forbidden_list: { code: number | string; count: number; userid: string }[];
}

/** getsendprogress's `progress` (doc §6.2): status 0 not started, 1 in progress, 2 done. */
export interface SendProgress {
  progress_in_percent: number;
  status: 0 | 1 | 2;
}

interface SendResponse extends LegacyEnvelope {
  task_id: number;
}
interface ProgressResponse extends LegacyEnvelope {
  progress: SendProgress;
}
interface ResultResponse extends LegacyEnvelope {
  send_result: Partial<SendResult>;
}

/** The work notification calls the outbox makes. */
export interface WorkNotificationPort {
  /** Send one message to up to 5,000 people; DingTalk's task_id back. */
  send(userids: readonly string[], msg: unknown): Promise<{ taskId: string }>;
  progress(taskId: string): Promise<SendProgress>;
  result(taskId: string): Promise<SendResult>;
  recall(taskId: string): Promise<void>;
}

/** Typed work notification calls on the shared client path (rate limiter, token, typed errors). */
export class WorkNotificationApi implements WorkNotificationPort {
  constructor(private readonly client: DingTalkClient) {}

  async send(userids: readonly string[], msg: unknown): Promise<{ taskId: string }> {
    const res = await this.client.legacy.callLegacy<SendResponse>(
      SEND_API,
      { agent_id: this.client.agentId, userid_list: userids.join(','), msg },
      { retryAmbiguous: false },
    );
    return { taskId: String(res.task_id) };
  }

  async progress(taskId: string): Promise<SendProgress> {
    const res = await this.client.callLegacy<ProgressResponse>(PROGRESS_API, { agent_id: this.client.agentId, task_id: Number(taskId) });
    return res.progress;
  }

  async result(taskId: string): Promise<SendResult> {
    const res = await this.client.callLegacy<ResultResponse>(RESULT_API, { agent_id: this.client.agentId, task_id: Number(taskId) });
    const r = res.send_result ?? {};
    return {
      invalid_user_id_list: r.invalid_user_id_list ?? [],
      forbidden_user_id_list: r.forbidden_user_id_list ?? [],
      failed_user_id_list: r.failed_user_id_list ?? [],
      read_user_id_list: r.read_user_id_list ?? [],
      unread_user_id_list: r.unread_user_id_list ?? [],
      invalid_dept_id_list: r.invalid_dept_id_list ?? [],
      forbidden_list: r.forbidden_list ?? [],
    };
  }

  async recall(taskId: string): Promise<void> {
    await this.client.callLegacy(RECALL_API, { agent_id: this.client.agentId, msg_task_id: Number(taskId) });
  }
}
