/**
 * Reads of pulse surveys: HR's surveys with their rounds, a closed round's results by group under the disclosure rule,
 * and the rounds someone is invited to. The disclosure (`disclosedGroups`) is the one place results are cut into
 * groups, for the HR page and for the atmosphere alike.
 */
import { In, type DataSource } from 'typeorm';
import {
  PULSE_SUPPRESSED,
  aggregatePulse,
  disclosableGroups,
  zh,
  type MyPulseRound,
  type PulseAnswers,
  type PulseCadence,
  type PulseGroupResult,
  type PulseGroupView,
  type PulseQuestion,
  type PulseResultsView,
  type PulseRoundSummary,
  type PulseSurveyView,
} from '@liucai/shared';
import type { Actor } from '../../../appTypes';
import { PulseAnswer, PulseInvitation, PulseRound, PulseSurvey } from '../../../entities';
import { notFound } from '../../../errors';
import { shanghaiDate } from '../../../util/dates';
import { loadDepartmentIndex, type DepartmentIndex } from '../../people/queries/departmentIndex';
import { pulseDepartments } from '../policies/pulseAccess';
import { keptRead } from '../../../db/keptReads';
import { actorKey } from '../../people/policies/peopleScope';

/** Invited and answered per round (one grouped query). */
async function roundCounts(ds: DataSource, corpId: string, roundIds: readonly number[]): Promise<Map<number, { invited: number; answered: number }>> {
  if (roundIds.length === 0) return new Map();
  // tenancy: the corp's invitations.
  const rows = await ds
    .getRepository(PulseInvitation)
    .createQueryBuilder('i')
    .select('i.round_id', 'roundId')
    .addSelect('COUNT(*)', 'invited')
    .addSelect('COUNT(i.answered_on)', 'answered')
    .where('i.corp_id = :corpId AND i.round_id IN (:...ids)', { corpId, ids: [...roundIds] })
    .groupBy('i.round_id')
    .getRawMany<{ roundId: number | string; invited: number | string; answered: number | string }>();
  return new Map(rows.map((r) => [Number(r.roundId), { invited: Number(r.invited), answered: Number(r.answered) }]));
}

const summary = (r: PulseRound, counts: Map<number, { invited: number; answered: number }>, today: string): PulseRoundSummary => ({
  id: r.id,
  opensOn: r.opensOn,
  dueOn: r.dueOn,
  closed: today > r.dueOn,
  invited: counts.get(r.id)?.invited ?? 0,
  answered: counts.get(r.id)?.answered ?? 0,
});

/**
 * HR's surveys (of its departments), newest first, each with its rounds newest first: kept while the pulse tables and
 * the org are unchanged, per actor and day (a round closes with the date).
 */
export async function surveysInScope(ds: DataSource, actor: Actor, now: Date): Promise<PulseSurveyView[]> {
  const today = shanghaiDate(now);
  return keptRead(ds, actor, ['org', 'pulse'], ['pulseSurveys', actorKey(actor), today], () => readSurveys(ds, actor, today));
}

async function readSurveys(ds: DataSource, actor: Actor, today: string): Promise<PulseSurveyView[]> {
  const depts = await pulseDepartments(ds, actor);
  if (depts.size === 0) return [];
  // tenancy: the corp's surveys of HR's departments.
  const surveys = await ds.getRepository(PulseSurvey).find({ where: { corpId: actor.corpId, deptId: In([...depts]) }, order: { id: 'DESC' }, take: 100 });
  if (surveys.length === 0) return [];
  // tenancy: the corp's rounds.
  const rounds = await ds
    .getRepository(PulseRound)
    .find({ where: { corpId: actor.corpId, surveyId: In(surveys.map((s) => s.id)) }, order: { opensOn: 'DESC' } });
  const counts = await roundCounts(
    ds,
    actor.corpId,
    rounds.map((r) => r.id),
  );
  const index = await loadDepartmentIndex(ds, actor.corpId, actor.orgVersion);
  return surveys.map((s) => ({
    id: s.id,
    title: s.title,
    deptId: Number(s.deptId),
    deptName: index.path(Number(s.deptId)),
    cadence: s.cadence as PulseCadence,
    questions: JSON.parse(s.questions) as PulseQuestion[],
    createdAt: s.createdAt.toISOString(),
    active: s.active,
    rounds: rounds.filter((r) => r.surveyId === s.id).map((r) => summary(r, counts, today)),
  }));
}

export interface DisclosedGroup {
  deptId: number;
  depth: number;
  shown: boolean;
  result: PulseGroupResult | null;
}

/**
 * A round's groups: the team's department and each department below it that had anyone invited, in tree order;
 * a group's result only when the disclosure rule shows it (at least 5 respondents, no subtraction isolating fewer).
 */
export async function disclosedGroups(
  ds: DataSource,
  corpId: string,
  round: PulseRound,
  survey: PulseSurvey,
  index: DepartmentIndex,
): Promise<DisclosedGroup[]> {
  const rootId = Number(survey.deptId);
  const subtree = index.subtree([rootId]);
  // tenancy: the corp's anonymous answers of the round.
  const answers = await ds.getRepository(PulseAnswer).find({ where: { corpId, roundId: round.id }, select: { deptId: true, answers: true } });
  // tenancy: the corp's invitations of the round (groups only).
  const invitedGroups = await ds
    .getRepository(PulseInvitation)
    .createQueryBuilder('i')
    .select('DISTINCT i.dept_id', 'deptId')
    .where('i.corp_id = :corpId AND i.round_id = :roundId', { corpId, roundId: round.id })
    .getRawMany<{ deptId: number | string }>();
  const groupOf = (d: number) => (subtree.has(d) ? d : rootId);
  const own = new Map<number, PulseAnswers[]>();
  for (const a of answers) {
    const g = groupOf(Number(a.deptId));
    own.set(g, [...(own.get(g) ?? []), JSON.parse(a.answers) as PulseAnswers]);
  }
  const nodes = index.departments
    .filter((d) => subtree.has(d.deptId))
    .map((d) => ({ id: d.deptId, parentId: d.deptId === rootId ? null : d.parentId, own: own.get(d.deptId)?.length ?? 0 }));
  const { shown } = disclosableGroups(nodes, rootId);
  const questions = JSON.parse(round.questions) as PulseQuestion[];
  const parents = new Map(nodes.map((n) => [n.id, n.parentId]));
  const depthOf = (d: number): number => {
    let n = 0;
    for (let p = parents.get(d) ?? null; p !== null && n < 50; p = parents.get(p) ?? null) n += 1;
    return n;
  };
  // The groups worth listing: the team, and every department on the path to anyone invited.
  const listed = new Set<number>([rootId]);
  for (const r of invitedGroups) for (let d: number | null = groupOf(Number(r.deptId)); d !== null && !listed.has(d); d = parents.get(d) ?? null) listed.add(d);
  const under = (d: number) => [...index.subtree([d])].flatMap((x) => own.get(x) ?? []);
  const ordered = index.listInTreeOrder(listed).map((ref) => ref.id);
  if (!ordered.includes(rootId)) ordered.unshift(rootId); // a team whose department DingTalk removed
  return ordered.map((deptId) => ({
    deptId,
    depth: depthOf(deptId),
    shown: shown.has(deptId),
    result: shown.has(deptId) ? aggregatePulse(questions, under(deptId)) : null,
  }));
}

/** A round's results for HR (404 outside its departments); before the round closes, a note and no results. */
export async function roundResults(ds: DataSource, actor: Actor, roundId: number, now: Date): Promise<PulseResultsView> {
  const depts = await pulseDepartments(ds, actor);
  // tenancy: the corp's round, with its survey (same corp) in the same statement.
  const found = (await ds
    .getRepository(PulseRound)
    .createQueryBuilder('r')
    .innerJoinAndMapOne('r.survey', PulseSurvey, 's', 's.corp_id = r.corp_id AND s.id = r.survey_id')
    .where('r.corp_id = :corpId AND r.id = :roundId', { corpId: actor.corpId, roundId })
    .getOne()) as (PulseRound & { survey: PulseSurvey }) | null;
  if (!found || !depts.has(Number(found.survey.deptId))) throw notFound('脉搏调查');
  const { survey, ...round } = found;
  const today = shanghaiDate(now);
  // Invited and answered, kept while no pulse table changed (HR opens a round's results again and again).
  const counts = await keptRead(ds, actor, ['pulse'], ['pulseRoundCounts', round.id], () => roundCounts(ds, actor.corpId, [round.id]));
  const s = summary(round, counts, today);
  const base = { surveyId: survey.id, title: survey.title, round: s };
  if (!s.closed)
    return {
      ...base,
      note: zh`本轮进行中（${s.answered} / ${s.invited} 人已作答），${round.dueOn} 截止后公布结果：截止前不显示，避免前后两次查看相减推出个人答案`,
      groups: [],
    };
  const index = await loadDepartmentIndex(ds, actor.corpId, actor.orgVersion);
  const groups: PulseGroupView[] = (await disclosedGroups(ds, actor.corpId, round, survey, index)).map((g) => ({
    deptId: g.deptId,
    deptName: index.path(g.deptId),
    depth: g.depth,
    shown: g.shown,
    note: g.shown ? null : PULSE_SUPPRESSED,
    result: g.result,
  }));
  return { ...base, note: null, groups };
}

/**
 * The rounds the actor is invited to that have opened (the latest 20), open ones first: one statement (the actor's
 * invitations joined to their rounds and surveys).
 */
export async function myRounds(ds: DataSource, actor: Actor, now: Date): Promise<MyPulseRound[]> {
  const today = shanghaiDate(now);
  // tenancy: the corp's invitations of the actor, their rounds and surveys in the same corp.
  const rows = (await ds.query(
    `SELECT r.id AS id, r.opens_on AS opens_on, r.due_on AS due_on, r.questions AS questions, s.title AS title, i.answered_on AS answered_on
       FROM pulse_invitations i
       JOIN pulse_rounds r ON r.corp_id = i.corp_id AND r.id = i.round_id
       LEFT JOIN pulse_surveys s ON s.corp_id = r.corp_id AND s.id = r.survey_id
      WHERE i.corp_id = ? AND i.userid = ? AND r.opens_on <= ?
      ORDER BY i.round_id DESC LIMIT 20`,
    [actor.corpId, actor.userid, today],
  )) as { id: number | string; opens_on: string; due_on: string; questions: string; title: string | null; answered_on: string | null }[];
  return rows
    .map((r) => ({
      roundId: Number(r.id),
      title: r.title ?? '脉搏调查',
      opensOn: r.opens_on,
      dueOn: r.due_on,
      questions: JSON.parse(r.questions) as PulseQuestion[],
      answered: r.answered_on !== null,
      closed: today > r.due_on,
    }))
    .sort((a, b) => Number(a.answered || a.closed) - Number(b.answered || b.closed) || b.opensOn.localeCompare(a.opensOn) || b.roundId - a.roundId);
}
