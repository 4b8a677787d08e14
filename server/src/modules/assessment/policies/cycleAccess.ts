/**
 * Who sees a cycle: admins every one; HR a cycle it launched or one with someone in its departments (and then only
 * the answer sheets of people in its scope). Anyone else, or a cycle of another corp, answers 404.
 */
import { In, type DataSource } from 'typeorm';
import type { Actor } from '../../../appTypes';
import { AssessmentCycle, AssessmentResponse } from '../../../entities';
import { notFound } from '../../../errors';
import { visibleUserIds } from '../../people/policies/peopleScope';
import { assertTalentAdmin } from '../../talent/policies/talentAdmin';

export interface VisibleCycle {
  cycle: AssessmentCycle;
  /** The cycle's answer sheets whose subject the actor may see. */
  sheets: AssessmentResponse[];
}

/** The cycles (newest first, at most `limit`) the actor sees, each with its sheets in scope: three queries in all. */
export async function visibleCycles(ds: DataSource, actor: Actor, opts: { id?: number; limit?: number } = {}): Promise<VisibleCycle[]> {
  assertTalentAdmin(actor);
  // tenancy: the corp's cycles.
  const cycles = await ds.getRepository(AssessmentCycle).find({
    where: { corpId: actor.corpId, ...(opts.id ? { id: opts.id } : {}) },
    order: { createdAt: 'DESC', id: 'DESC' },
    take: opts.limit ?? 100,
  });
  if (cycles.length === 0) return [];
  // tenancy: the corp's sheets of those cycles.
  const sheets = await ds.getRepository(AssessmentResponse).find({
    where: { corpId: actor.corpId, cycleId: In(cycles.map((c) => c.id)) },
    select: { id: true, cycleId: true, subjectUserid: true, raterUserid: true, role: true, startedAt: true, submittedAt: true, savedAt: true },
    order: { id: 'ASC' },
  });
  const all = actor.roles.includes('admin');
  const seen = all
    ? null
    : await visibleUserIds(
        ds,
        actor,
        sheets.map((s) => s.subjectUserid),
      );
  return cycles.flatMap((cycle) => {
    const own = sheets.filter((s) => s.cycleId === cycle.id && (seen === null || seen.has(s.subjectUserid)));
    return all || own.length > 0 || cycle.createdBy === actor.userid ? [{ cycle, sheets: own }] : [];
  });
}

/** One cycle the actor sees, or 404. */
export async function cycleInScope(ds: DataSource, actor: Actor, id: number): Promise<VisibleCycle> {
  const [found] = await visibleCycles(ds, actor, { id, limit: 1 });
  if (!found) throw notFound('测评');
  return found;
}
