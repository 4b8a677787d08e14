/**
 * Which plan versions an actor may simulate: HR and admins any version of the corp (drafts too: the plan editor's
 * preview); everyone else the published versions of plans they are or were assigned (their own plan and the old
 * plan they are compared with). Anything else answers 404, as if it did not exist.
 */
import type { DataSource } from 'typeorm';
import { IncentivePlanVersion, User } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { isPayAdmin } from './payAdmin';
import { plansEverAssigned } from '../queries/planResolution';

export async function simulableVersion(ds: DataSource, actor: Actor, versionId: number): Promise<IncentivePlanVersion | null> {
  const v = await ds.getRepository(IncentivePlanVersion).findOneBy({ id: versionId, corpId: actor.corpId });
  if (!v) return null;
  if (isPayAdmin(actor)) return v;
  if (v.status !== 'published') return null;
  const me = await ds.getRepository(User).findOneBy({ corpId: actor.corpId, userid: actor.userid });
  if (!me) return null;
  return (await plansEverAssigned(ds, me)).has(v.planId) ? v : null;
}
