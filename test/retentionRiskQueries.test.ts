/**
 * The risk API's queries and the review command on MariaDB and on SQLite (the embedded demo's database, built by its
 * migrations): the scope, the band order and counts, the person check, reviews kept with history and audited.
 */
import { AuditEvent, RetentionReview, RetentionRisk } from '../server/src/entities';
import { riskScopeOf } from '../server/src/modules/retention/policies/riskScope';
import { currentRiskWeek, personInRiskScope, reviewsOf, riskPage } from '../server/src/modules/retention/queries/riskViews';
import { reviewRisk } from '../server/src/modules/retention/commands/riskReviewer';
import { actorFor, buildCorp, buildDepartment, buildUser, grantHrScope, onBothDatabases, retentionRiskRow } from './support/factories';

const WEEK = '2026-11-23';

describe('risk queries and reviews on both databases', () => {
  it('lists in scope by band, checks a person, keeps reviews with their audit events', async () => {
    await onBothDatabases('riskq', async (ds, kind) => {
      const corpId = await buildCorp(ds, 'rq');
      const sales = await buildDepartment(ds, corpId, { name: '销售中心' });
      const tech = await buildDepartment(ds, corpId, { name: '技术部' });
      const hr = await buildUser(ds, corpId, { name: '人事', deptIds: [sales.deptId] });
      const a = await buildUser(ds, corpId, { name: '阿甲', deptIds: [sales.deptId] });
      const b = await buildUser(ds, corpId, { name: '阿乙', deptIds: [sales.deptId] });
      const t = await buildUser(ds, corpId, { name: '阿丙', deptIds: [tech.deptId] });
      await grantHrScope(ds, corpId, hr.userid, [sales.deptId]);
      const risk = (userid: string, band: string | null, weekStart = WEEK) => retentionRiskRow(corpId, userid, band, weekStart);
      await ds
        .getRepository(RetentionRisk)
        .insert([risk(hr.userid, '高'), risk(a.userid, '低'), risk(b.userid, '高'), risk(t.userid, '高'), risk(a.userid, '中', '2026-11-16')]);

      const actor = actorFor(hr, ['employee', 'hr'], [sales.deptId]);
      const rs = await riskScopeOf(ds, actor);
      expect(await currentRiskWeek(ds, corpId)).toBe(WEEK);
      const page = await riskPage(ds, rs, WEEK, { page: 1, pageSize: 50 });
      expect({ kind, names: page.rows.map((r) => r.name), counts: page.counts }).toEqual({
        kind,
        names: ['阿乙', '阿甲'],
        counts: { 高: 1, 中: 0, 低: 1, none: 0 },
      });
      expect(page.rows[0]!.deptName).toBe('销售中心');
      expect(await personInRiskScope(ds, rs, t.userid)).toBeNull();
      expect(await personInRiskScope(ds, rs, hr.userid)).toBeNull();
      expect(await personInRiskScope(ds, rs, a.userid)).toMatchObject({ name: '阿甲' });

      await reviewRisk(ds, actor, a.userid, { outcome: '已沟通', note: '聊过' });
      await reviewRisk(ds, actor, a.userid, { outcome: '误报', note: '请假为婚假' });
      const reviews = await reviewsOf(ds, corpId, [a.userid]);
      expect(reviews.map((r) => [r.outcome, r.weekStart, r.band])).toEqual([
        ['误报', WEEK, '低'],
        ['已沟通', WEEK, '低'],
      ]);
      expect(await ds.getRepository(AuditEvent).countBy({ corpId, action: 'retention.review.create', subjectUserid: a.userid })).toBe(2);
      await expect(reviewRisk(ds, actor, t.userid, { outcome: '误报', note: 'x' })).rejects.toMatchObject({ status: 404 });
      expect(await ds.getRepository(RetentionReview).countBy({ corpId })).toBe(2);
    });
  });
});
