import { zh } from '@liucai/shared';
import { In, type DataSource } from 'typeorm';
import { SyncRun, User } from '../../../entities';
import { AppError } from '../../../errors';
import type { OrgSource } from '../../sync/commands/orgFetcher';
import { resyncUsers } from '../../sync/commands/userResyncer';

/**
 * The person signing in, as the org has them. Someone DingTalk knows whom no org sync has brought in yet (a fresh
 * installation before its first org sync ends, or a hire since the last one) is read on the fly through the user
 * re-sync (user/get: not metered), so DingTalk's admin can sign in to a new installation at once. When DingTalk
 * cannot be asked either, during the first org sync the answer is “首次同步进行中，请稍后再试” with its progress.
 */
export async function signInUser(ds: DataSource, source: OrgSource, corpId: string, userid: string): Promise<User> {
  const users = ds.getRepository(User);
  const known = await users.findOneBy({ corpId, userid });
  if (known) return known;
  let readError: unknown = null;
  try {
    await resyncUsers(ds, source, corpId, [userid]);
  } catch (err) {
    readError = err;
  }
  const read = await users.findOneBy({ corpId, userid });
  if (read) return read;
  const firstSync = await ds.getRepository(SyncRun).findOne({ where: { corpId, kind: 'org', status: In(['queued', 'running']) }, order: { id: 'DESC' } });
  const everSynced = (await ds.getRepository(SyncRun).countBy({ corpId, kind: 'org', status: 'succeeded' })) > 0;
  if (firstSync && !everSynced) {
    const progress = { phase: firstSync.phase, done: firstSync.progressDone, total: firstSync.progressTotal };
    const shown = progress.total > 0 ? `（组织架构已读取 ${progress.done} / ${progress.total}）` : '';
    throw new AppError('first_sync_in_progress', zh`首次同步进行中，请稍后再试${shown}`, 503, progress);
  }
  if (readError) throw readError;
  throw new AppError('unknown_user', '你的账号还没有同步到留才，请联系 HR 在“组织架构”中立即同步', 403, { userid });
}
