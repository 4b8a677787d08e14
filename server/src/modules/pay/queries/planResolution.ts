/**
 * Which plan pays a person on a day: their own assignment in force that day; else a job assignment for their
 * DingTalk title (职位) on their main department or a department above it, the nearest department winning; then
 * the plan's published version in force that day. "The plan before" (the old-plan comparison) is the assignment
 * in force the day before the current one began, walking back past assignments of the same plan.
 */
import { In, type DataSource } from 'typeorm';
import { dayBefore, inEffect } from '@liucai/shared';
import { corpDepartments, derivedFrom } from '../../people/queries/corpDepartments';
import { Department, IncentivePlan, IncentivePlanAssignment, IncentivePlanVersion, type User } from '../../../entities';

export interface PlanOnDay {
  assignment: IncentivePlanAssignment;
  plan: IncentivePlan;
  /** The published version in force that day; null when the plan has none for that day. */
  version: IncentivePlanVersion | null;
}

type Person = Pick<User, 'corpId' | 'userid' | 'title' | 'mainDeptId'>;
const range = (a: { effectiveFrom: string; effectiveTo: string | null }) => ({ from: a.effectiveFrom, to: a.effectiveTo });

/** A department and its ancestors, nearest first. */
export async function departmentChain(ds: DataSource, corpId: string, deptId: number): Promise<number[]> {
  // The corp's departments as the web process keeps them (read again only when the org changed).
  const parent = derivedFrom(await corpDepartments(ds, corpId), 'parentOf', (rows) => new Map(rows.map((d) => [d.deptId, d.parentId])));
  const chain: number[] = [];
  for (let id: number | null | undefined = Number(deptId); id !== null && id !== undefined && !chain.includes(id); id = parent.get(id)) chain.push(id);
  return chain;
}

/** The assignment that applies to `person` on `day`, or null. */
export async function assignmentOn(ds: DataSource, person: Person, day: string): Promise<IncentivePlanAssignment | null> {
  const repo = ds.getRepository(IncentivePlanAssignment);
  const own = await repo.findBy({ corpId: person.corpId, targetKind: 'user', userid: person.userid });
  const mine = own.find((a) => inEffect(range(a), day));
  if (mine) return mine;
  if (!person.title || person.mainDeptId === null) return null;
  const jobs = (await repo.findBy({ corpId: person.corpId, targetKind: 'job', jobTitle: person.title })).filter((a) => inEffect(range(a), day));
  if (jobs.length === 0) return null;
  const chain = await departmentChain(ds, person.corpId, person.mainDeptId);
  let best: { a: IncentivePlanAssignment; depth: number } | null = null;
  for (const a of jobs) {
    const depth = chain.indexOf(Number(a.deptId));
    if (depth >= 0 && (!best || depth < best.depth)) best = { a, depth };
  }
  return best?.a ?? null;
}

/** The published version of `planId` in force on `day`. */
export async function versionOn(ds: DataSource, corpId: string, planId: number, day: string): Promise<IncentivePlanVersion | null> {
  const versions = await ds.getRepository(IncentivePlanVersion).findBy({ corpId, planId, status: 'published' });
  return versions.find((v) => inEffect(range(v), day)) ?? null;
}

/** The plan paying `person` on `day`. */
export async function planOn(ds: DataSource, person: Person, day: string): Promise<PlanOnDay | null> {
  const assignment = await assignmentOn(ds, person, day);
  if (!assignment) return null;
  const plan = await ds.getRepository(IncentivePlan).findOneBy({ corpId: person.corpId, id: assignment.planId });
  if (!plan) return null;
  return { assignment, plan, version: await versionOn(ds, person.corpId, plan.id, day) };
}

/**
 * The person's stint on `current`'s plan: the day it began (walking back over consecutive assignments of the same
 * plan) and the plan that paid them the day before (a different plan), or null.
 */
export async function planStint(ds: DataSource, person: Person, current: PlanOnDay): Promise<{ since: string; before: PlanOnDay | null }> {
  let from = current.assignment.effectiveFrom;
  // Each step moves strictly back (an assignment in force the day before `from` starts before it); a few suffice.
  for (let step = 0; step < 10; step++) {
    const found = await planOn(ds, person, dayBefore(from));
    if (!found) return { since: from, before: null };
    if (found.plan.id !== current.plan.id) return { since: from, before: found };
    from = found.assignment.effectiveFrom;
  }
  return { since: from, before: null };
}

/** The plan that paid `person` before `current` began (a different plan), or null. */
export async function planBefore(ds: DataSource, person: Person, current: PlanOnDay): Promise<PlanOnDay | null> {
  return (await planStint(ds, person, current)).before;
}

/** Ids of every plan `person` was ever assigned (own or through their job on their department chain). */
export async function plansEverAssigned(ds: DataSource, person: Person): Promise<Set<number>> {
  const repo = ds.getRepository(IncentivePlanAssignment);
  const ids = new Set((await repo.findBy({ corpId: person.corpId, targetKind: 'user', userid: person.userid })).map((a) => a.planId));
  if (person.title && person.mainDeptId !== null) {
    const chain = await departmentChain(ds, person.corpId, person.mainDeptId);
    const jobs = chain.length ? await repo.findBy({ corpId: person.corpId, targetKind: 'job', jobTitle: person.title, deptId: In(chain) }) : [];
    for (const a of jobs) ids.add(a.planId);
  }
  return ids;
}

export interface PlanCache {
  on(person: Person, day: string): Promise<PlanOnDay | null>;
  stint(person: Person, current: PlanOnDay): Promise<{ since: string; before: PlanOnDay | null }>;
}

/**
 * `planOn` and `planStint` for many people of one corp, from the corp's assignments, plans, published versions and
 * departments read once (four queries, whatever the number of people), answered in memory by the same rules as the
 * functions above (rows in id order, as those read them). A payout run and its guarantee ask it for everyone.
 */
export async function planCache(ds: DataSource, corpId: string): Promise<PlanCache> {
  const byId = <T extends { id: number | string }>(rows: T[]) => rows.sort((a, b) => Number(a.id) - Number(b.id));
  // tenancy: every read below is of the corp's own rows, by corp_id.
  const assignments = byId(await ds.getRepository(IncentivePlanAssignment).findBy({ corpId }));
  const planRows = await ds.getRepository(IncentivePlan).findBy({ corpId });
  const versions = byId(await ds.getRepository(IncentivePlanVersion).findBy({ corpId, status: 'published' }));
  const depts = await ds.getRepository(Department).find({ where: { corpId }, select: { deptId: true, parentId: true } });
  const group = <T, K>(rows: T[], key: (r: T) => K | null) => {
    const m = new Map<K, T[]>();
    for (const r of rows) {
      const k = key(r);
      if (k === null) continue;
      const list = m.get(k);
      if (list) list.push(r);
      else m.set(k, [r]);
    }
    return m;
  };
  const ownOf = group(assignments, (a) => (a.targetKind === 'user' ? a.userid : null));
  const jobsOf = group(assignments, (a) => (a.targetKind === 'job' ? a.jobTitle : null));
  const versionsOf = group(versions, (v) => Number(v.planId));
  const planOf = new Map(planRows.map((p) => [Number(p.id), p]));
  const parent = new Map(depts.map((d) => [Number(d.deptId), d.parentId === null ? null : Number(d.parentId)]));
  const chainOf = (deptId: number): number[] => {
    const chain: number[] = [];
    for (let id: number | null | undefined = Number(deptId); id !== null && id !== undefined && !chain.includes(id); id = parent.get(id)) chain.push(id);
    return chain;
  };
  const assignment = (person: Person, day: string): IncentivePlanAssignment | null => {
    const mine = (ownOf.get(person.userid) ?? []).find((a) => inEffect(range(a), day));
    if (mine) return mine;
    if (!person.title || person.mainDeptId === null) return null;
    const jobs = (jobsOf.get(person.title) ?? []).filter((a) => inEffect(range(a), day));
    if (jobs.length === 0) return null;
    const chain = chainOf(person.mainDeptId);
    let best: { a: IncentivePlanAssignment; depth: number } | null = null;
    for (const a of jobs) {
      const depth = chain.indexOf(Number(a.deptId));
      if (depth >= 0 && (!best || depth < best.depth)) best = { a, depth };
    }
    return best?.a ?? null;
  };
  const on = (person: Person, day: string): PlanOnDay | null => {
    const a = assignment(person, day);
    const plan = a ? planOf.get(Number(a.planId)) : undefined;
    if (!a || !plan) return null;
    return { assignment: a, plan, version: (versionsOf.get(Number(plan.id)) ?? []).find((v) => inEffect(range(v), day)) ?? null };
  };
  const stint = (person: Person, current: PlanOnDay): { since: string; before: PlanOnDay | null } => {
    let from = current.assignment.effectiveFrom;
    // Each step moves strictly back (as in planStint).
    for (let step = 0; step < 10; step++) {
      const found = on(person, dayBefore(from));
      if (!found) return { since: from, before: null };
      if (found.plan.id !== current.plan.id) return { since: from, before: found };
      from = found.assignment.effectiveFrom;
    }
    return { since: from, before: null };
  };
  return {
    on: (person, day) => Promise.resolve(on(person, day)),
    stint: (person, current) => Promise.resolve(stint(person, current)),
  };
}
