import type { RetentionRiskView } from '@liucai/shared';
import { notFound } from '../../../errors';
import { RetentionRisk } from '../../../entities';
import { recordReadAudit } from '../../audit/commands/auditRecorder';
import { riskScopeOf, seenAsHr } from '../../retention/policies/riskScope';
import { personInRiskScope } from '../../retention/queries/riskViews';
import { presentRisk } from '../../retention/presenters/riskPresenter';
import { totalFromPage } from '../queries/paging';
import type { PersonTab } from './personTab';

/**
 * 风险: the person's weekly attrition risks, newest first, under the radar's rules (PIPL Art. 24), narrower than the
 * profile's: HR covering the person sees everything, their supervisor the band and drivers; never the person
 * themself (404), a plain employee or an admin alone 403. Each read is one audit event, like the radar's views.
 */
export const riskTab: PersonTab = {
  key: 'risk',
  // HR and supervisors: the radar's scope (within the profile's) read with the person. Anyone else is refused by the
  // radar (403) once the profile's check (404 outside it) has passed.
  checksAccess: (actor) => actor.roles.includes('hr') || actor.roles.includes('supervisor'),
  async list({ ds, actor, person, page }) {
    const rs = await riskScopeOf(ds, actor, person.userid);
    const line = await personInRiskScope(ds, rs, person.userid);
    if (!line) throw notFound('员工');
    const asHr = seenAsHr(rs, line);
    // tenancy: the corp's risks of a person checked in scope.
    const where = { corpId: person.corpId, userid: person.userid };
    const risks = await ds
      .getRepository(RetentionRisk)
      .find({ where, order: { weekStart: 'DESC' }, skip: (page.page - 1) * page.pageSize, take: page.pageSize });
    // The run keeps 16 weeks: a page of 20 holds them all, and the count is the page's.
    const total = await totalFromPage(risks.length, page, () => ds.getRepository(RetentionRisk).countBy(where));
    await recordReadAudit(ds, actor, {
      action: 'retention.risk.read',
      targetKind: 'retention_risk',
      targetId: person.userid,
      subjectUserid: person.userid,
      detail: { tab: 'risk', weeks: risks.map((r) => r.weekStart), asHr },
    });
    const items: RetentionRiskView[] = risks.map((r) => presentRisk(r, line, asHr));
    return { items, total, page: page.page, pageSize: page.pageSize };
  },
};
