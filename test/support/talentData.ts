/**
 * CRM data for the talent world, month 2026-06 (today 2026-06-20):
 * - 王五: follow-ups of a big client every month from 2025-07 (12 months), 24 cross-department collaborations in
 *   April–June (8 a month), 20 contracts that came up for renewal in the 24 months of which 17 were renewed (85%);
 *   plus a follow-up DingTalk deleted (2024-08) and a cancelled big deal in June, which must count nowhere.
 * - 张三: one follow-up and one small deal in June: too little data for a score.
 * - 赵六 left in January (data before that); 钱七 (财务部, outside HR's scope) follows up a client in June.
 */
import type { DataSource } from 'typeorm';
import { addMonths } from '@liucai/shared';
import { buildCollaboration, buildCustomer, buildDeal, buildFollowUp } from './factories';
import type { TalentWorld } from './talentWorld';

export const TALENT_PERIOD = '2026-06';
export const TALENT_TODAY = '2026-06-20';

const at = (day: string) => new Date(`${day}T02:00:00Z`);

export async function buildTalentData(ds: DataSource, tw: TalentWorld): Promise<void> {
  const { corpId } = tw;
  const { wang, zhang, gone, outsider } = tw.people;
  await buildCustomer(ds, corpId, { sourceId: 'big-w', name: '华东精密', ownerUserid: wang.userid, segment: 'big' });
  for (let i = 0; i < 12; i++)
    await buildFollowUp(ds, corpId, { ownerUserid: wang.userid, customerSourceId: 'big-w', followedAt: at(`${addMonths('2025-07', i)}-15`) });
  await buildCustomer(ds, corpId, { sourceId: 'big-old', name: '博远物流', ownerUserid: wang.userid, segment: 'big' });
  await buildFollowUp(ds, corpId, { ownerUserid: wang.userid, customerSourceId: 'big-old', followedAt: at('2024-08-15'), removedAt: new Date() });
  for (let i = 0; i < 24; i++) {
    await buildCollaboration(ds, corpId, {
      userid: wang.userid,
      withDepartment: i % 3 === 0 ? '客户成功部' : '技术部',
      occurredOn: `${addMonths('2026-04', i % 3)}-${String(1 + i).padStart(2, '0')}`,
    });
  }
  for (let i = 0; i < 20; i++) {
    const signed = `${addMonths('2023-08', i)}-01`;
    const key = `k${i}`;
    await buildCustomer(ds, corpId, { sourceId: key, name: `客户${key}`, ownerUserid: wang.userid, segment: 'big' });
    await buildDeal(ds, corpId, {
      ownerUserid: wang.userid,
      customerSourceId: key,
      customerName: `客户${key}`,
      amountFen: 5_000_000,
      signedOn: signed,
      status: 'completed',
    });
    if (i < 17) {
      // Renewed for 3 years at the term's end (a year later, same day of the month).
      const renewed = `${Number(signed.slice(0, 4)) + 1}${signed.slice(4)}`;
      await buildDeal(ds, corpId, {
        ownerUserid: wang.userid,
        customerSourceId: key,
        customerName: `客户${key}`,
        amountFen: 5_000_000,
        signedOn: renewed,
        renewalYears: 3,
      });
    }
  }
  await buildDeal(ds, corpId, {
    ownerUserid: wang.userid,
    customerSourceId: 'big-w',
    customerName: '华东精密',
    amountFen: 9_000_000,
    signedOn: '2026-06-05',
    status: 'cancelled',
  });

  await buildFollowUp(ds, corpId, { ownerUserid: zhang.userid, customerSourceId: 'small-z', followedAt: at('2026-06-03') });
  await buildDeal(ds, corpId, { ownerUserid: zhang.userid, customerSourceId: null, customerName: '散客', amountFen: 280_000, signedOn: '2026-06-10' });

  await buildFollowUp(ds, corpId, { ownerUserid: gone.userid, customerSourceId: 'big-w', followedAt: at('2026-01-10') });
  await buildFollowUp(ds, corpId, { ownerUserid: outsider.userid, customerSourceId: 'x-1', followedAt: at('2026-06-08') });
}
