/**
 * An invited person answers a round, once. Two writes in one transaction that share nothing a join could use: the
 * invitation gets the day of answering (only the day), and the answer is a row with a random key, the round, the
 * person's group and the answers — no user id, no time, no arrival order. Deliberately not audited and not logged
 * with the person (an audit event with its time would be the link the tables avoid).
 */
import { randomBytes } from 'node:crypto';
import { IsNull, type DataSource } from 'typeorm';
import { checkPulseAnswers, zh, type PulseQuestion } from '@liucai/shared';
import type { Actor } from '../../../appTypes';
import { PulseAnswer, PulseInvitation, PulseRound } from '../../../entities';
import { conflict, notFound } from '../../../errors';
import { shanghaiDate } from '../../../util/dates';
import { pulseProblems } from './pulseProblems';

export async function submitPulse(ds: DataSource, actor: Actor, roundId: number, raw: Record<string, unknown>, now = new Date()): Promise<void> {
  // tenancy: the corp's invitation of the actor.
  const invitation = await ds.getRepository(PulseInvitation).findOne({ where: { corpId: actor.corpId, roundId, userid: actor.userid } });
  if (!invitation) throw notFound('脉搏调查');
  // tenancy: the corp's round.
  const round = await ds.getRepository(PulseRound).findOneOrFail({ where: { corpId: actor.corpId, id: roundId } });
  const today = shanghaiDate(now);
  if (today > round.dueOn) throw conflict('pulse_closed', zh`本轮脉搏调查已于 ${round.dueOn} 截止，不能再作答`);
  if (today < round.opensOn) throw conflict('pulse_not_open', zh`本轮脉搏调查 ${round.opensOn} 才开始`);
  if (invitation.answeredOn) throw conflict('pulse_answered', '本轮已经作答：每轮只能作答一次');
  const { answers, problems } = checkPulseAnswers(JSON.parse(round.questions) as PulseQuestion[], raw);
  if (problems.length > 0) throw pulseProblems(problems);
  await ds.transaction(async (em) => {
    // tenancy: the corp's invitation; only the first answer marks it (two racing answers: one wins, one 409).
    const marked = await em.getRepository(PulseInvitation).update({ corpId: actor.corpId, id: invitation.id, answeredOn: IsNull() }, { answeredOn: today });
    if (!marked.affected) throw conflict('pulse_answered', '本轮已经作答：每轮只能作答一次');
    await em
      .createQueryBuilder()
      .insert()
      .into(PulseAnswer)
      .values({ id: randomBytes(16).toString('hex'), corpId: actor.corpId, roundId, deptId: Number(invitation.deptId), answers: JSON.stringify(answers) })
      .execute();
  });
}
