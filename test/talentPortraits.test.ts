/**
 * The talent recompute on real databases (MariaDB and SQLite through the migrations): portraits from synced rows
 * under the named CRM rules (deleted rows and cancelled deals count nowhere; people who left get nothing), match
 * scores stored with the job-model version, and a second run that writes the same answer.
 */
import type { DataSource } from 'typeorm';
import { TalentMatchScore, TalentMetric } from '../server/src/entities';
import { recomputeTalent } from '../server/src/modules/talent/commands/talentRecomputer';
import { DEFAULT_SEGMENT_THRESHOLDS } from '../server/src/modules/sync/commands/customerSegments';
import { onBothDatabases } from './support/factories';
import { buildTalentWorld } from './support/talentWorld';
import { buildTalentData, TALENT_PERIOD, TALENT_TODAY } from './support/talentData';

const opts = { bigDealFen: DEFAULT_SEGMENT_THRESHOLDS.bigDealFen, today: TALENT_TODAY };

async function metricsOf(ds: DataSource, corpId: string, userid: string) {
  const rows = await ds.getRepository(TalentMetric).find({ where: { corpId, userid, period: TALENT_PERIOD } });
  return new Map(rows.map((r) => [r.metric, r]));
}

describe('talent recompute', () => {
  it('stores portraits and scores from synced data, on MariaDB and SQLite', async () => {
    await onBothDatabases('talent', async (ds, kind) => {
      const tw = await buildTalentWorld(ds, `tp${kind.slice(0, 2)}`);
      await buildTalentData(ds, tw);
      const { wang, zhang, gone, outsider, hr } = tw.people;

      const out = await recomputeTalent(ds, tw.corpId, TALENT_PERIOD, opts);
      expect(out.people).toBe(3); // 王五, 张三, 钱七: 赵六 left, 周九 sells nothing
      expect(out.versions).toHaveLength(1);

      const w = await metricsOf(ds, tw.corpId, wang.userid);
      // The follow-up DingTalk deleted (2024-08) adds no month; the cancelled June deal counts nowhere.
      expect(w.get('bigClientMonths')).toMatchObject({ value: '12', missing: null });
      expect(w.get('bigDeals')).toMatchObject({ value: '0', sample: 0 });
      expect(w.get('collaborationsPerMonth')).toMatchObject({ value: '8', sample: 24 });
      expect(JSON.parse(w.get('collaborationsPerMonth')!.detail!)).toEqual({ byDepartment: { 客户成功部: 8, 技术部: 16 } });
      expect(w.get('renewalRate')).toMatchObject({ value: '85', sample: 20 });
      expect(w.get('satisfaction')).toMatchObject({ value: null, missing: '数据不足：近 12 个月没有导入客户满意度评分' });

      const z = await metricsOf(ds, tw.corpId, zhang.userid);
      expect(z.get('smallDeals')).toMatchObject({ value: '1', sample: 1 });
      expect(z.get('smallDealValue')!.value).toBe('2800');
      expect(z.get('closeRate')!.missing).toBe('数据不足：近 3 个月跟进的客户 1 个，少于 3 个');

      expect((await metricsOf(ds, tw.corpId, gone.userid)).size).toBe(0);
      expect((await metricsOf(ds, tw.corpId, hr.userid)).size).toBe(0);
      expect((await metricsOf(ds, tw.corpId, outsider.userid)).size).toBeGreaterThan(0);

      const scores = new Map(
        (await ds.getRepository(TalentMatchScore).find({ where: { corpId: tw.corpId, period: TALENT_PERIOD } })).map((s) => [s.userid, s]),
      );
      const ws = scores.get(wang.userid)!;
      expect(ws.versionId).toBe(out.versions[0]);
      expect(ws.tier).toBe('move');
      expect(ws.scoreT!).toBeGreaterThanOrEqual(800);
      const detail = JSON.parse(ws.detail) as { dimensions: { id: string; score: string | null; contribution: string | null }[] };
      expect(detail.dimensions.find((d) => d.id === 'coordination')).toMatchObject({ score: '100.0' });
      expect(detail.dimensions.find((d) => d.id === 'satisfaction')).toMatchObject({ score: null, contribution: null });
      expect(scores.get(zhang.userid)).toMatchObject({ scoreT: null, tier: null });

      // Same inputs, same answer; nothing duplicated, nothing rewritten (test/talentRecompute.test.ts: what is).
      const metricCount = await ds.getRepository(TalentMetric).countBy({ corpId: tw.corpId });
      const again = await recomputeTalent(ds, tw.corpId, TALENT_PERIOD, opts);
      expect(again).toMatchObject({ people: 3, written: 0, skipped: 3, metrics: 0, scores: 0 });
      expect(await ds.getRepository(TalentMetric).countBy({ corpId: tw.corpId })).toBe(metricCount);
      expect((await ds.getRepository(TalentMatchScore).findOneByOrFail({ corpId: tw.corpId, userid: wang.userid })).scoreT).toBe(ws.scoreT);
    });
  });
});
