import { Between, MoreThanOrEqual, type DataSource } from 'typeorm';
import type { DataSourceQuality, SourceHolding } from '@liucai/shared';
import {
  AttendanceResult,
  ClockRecord,
  CollaborationEvent,
  Customer,
  Deal,
  Department,
  Departure,
  FollowUp,
  ImportRun,
  LeaveRecord,
  SatisfactionScore,
  TrainingRecord,
  User,
} from '../../../entities';
import { addDays, shanghaiDate } from '../../../util/dates';
import { heldCustomers, heldDeals, heldFollowUps } from './crmRecords';

type SourceId = DataSourceQuality['source'];

/** What each source holds, company-wide, each figure with the glossary term that says what it counts. */
export type Holdings = Record<SourceId, SourceHolding[]>;

const h = (term: SourceHolding['term'], count: number, from: string | null = null): SourceHolding => ({ term, count, from });

/**
 * Count what each source holds (one COUNT per figure, on the tables' primary keys or indexes). The same figure is
 * the same count everywhere: the CRM's contracts are the contracts `from: 钉钉 CRM` in the imports line too.
 */
export async function countHoldings(ds: DataSource, corpId: string): Promise<Holdings> {
  const count = <T extends object>(entity: new () => T, where: object) => ds.getRepository(entity).countBy({ corpId, ...where } as never);
  const [people, departments, results, clocks, leaves, departures, customers, personal, crmDeals, followUps, collaborations] = [
    await count(User, { status: 'active' }),
    await count(Department, { active: true }),
    await count(AttendanceResult, {}),
    await count(ClockRecord, {}),
    await count(LeaveRecord, { source: 'dingtalk' }),
    await count(Departure, { source: 'dingtalk' }),
    await ds.getRepository(Customer).countBy(heldCustomers(corpId, 'enterprise')),
    await ds.getRepository(Customer).countBy(heldCustomers(corpId, 'personal')),
    await ds.getRepository(Deal).countBy(heldDeals(corpId, 'dingtalk')),
    await ds.getRepository(FollowUp).countBy(heldFollowUps(corpId)),
    await count(CollaborationEvent, { source: 'dingtalk' }),
  ];
  const [allDeals, importedDeals, satisfaction, importedCollaborations, training, importedDepartures] = [
    await ds.getRepository(Deal).countBy(heldDeals(corpId)),
    await ds.getRepository(Deal).countBy(heldDeals(corpId, 'import')),
    await count(SatisfactionScore, { source: 'import' }),
    await count(CollaborationEvent, { source: 'import' }),
    await count(TrainingRecord, { source: 'import' }),
    await count(Departure, { source: 'import' }),
  ];
  return {
    org: [h('activeEmployee', people), h('department', departments)],
    attendance: [h('attendanceRecord', results), h('clockRecord', clocks)],
    leave: [h('leaveRecord', leaves)],
    departures: [h('departureRecord', departures)],
    crm: [h('customer', customers + personal), h('contract', crmDeals, '钉钉 CRM'), h('followUp', followUps), h('collaboration', collaborations)],
    // The first figure is every contract held, whichever way it came in (the CRM's are the same contracts as above).
    imports: [
      h('contract', allDeals, '钉钉 CRM 与导入'),
      h('contract', importedDeals, '导入'),
      h('satisfaction', satisfaction, '导入'),
      h('collaboration', importedCollaborations, '导入'),
      h('training', training, '导入'),
      h('departureRecord', importedDepartures, '导入'),
    ],
  };
}

/** When the last import was committed (null: never). */
export async function lastImportAt(ds: DataSource, corpId: string): Promise<Date | null> {
  const last = await ds
    .getRepository(ImportRun)
    .findOne({ where: { corpId, status: 'succeeded' }, order: { id: 'DESC' }, select: { id: true, finishedAt: true } });
  return last ? (last.finishedAt ?? new Date(0)) : null;
}

/** What the month's forecast is computed from: headcount and the recent volumes of what the syncs read. */
export interface ForecastInputs {
  activePeople: number;
  allPeople: number;
  /** Approved, rejected, cancelled and pending leaves that began in the last 30 days (≈ leave instances a month). */
  leaves30d: number;
  pendingLeaves: number;
  enterpriseCustomers: number;
  personalCustomers: number;
  contracts: number;
  /** Contracts signed, and follow-ups made, in the last 30 days (what incremental CRM passes read). */
  contracts30d: number;
  followUps30d: number;
  /** Follow-ups within the full pass's re-read window. */
  followUpsRecheck: number;
  /** Raw clock records of the last 30 days (≈ attendance_check_record events a month, one per clock-in). */
  clocks30d: number;
}

/** Count the forecast's inputs (a handful of COUNTs over index ranges). */
export async function countForecastInputs(ds: DataSource, corpId: string, now: Date, followUpRecheckDays: number): Promise<ForecastInputs> {
  const today = shanghaiDate(now);
  const since30 = new Date(now.getTime() - 30 * 86_400_000);
  return {
    activePeople: await ds.getRepository(User).countBy({ corpId, status: 'active' }),
    allPeople: await ds.getRepository(User).countBy({ corpId }),
    leaves30d: await ds.getRepository(LeaveRecord).countBy({ corpId, source: 'dingtalk', startAt: MoreThanOrEqual(since30) }),
    pendingLeaves: await ds.getRepository(LeaveRecord).countBy({ corpId, source: 'dingtalk', approvalState: 'pending' }),
    enterpriseCustomers: await ds.getRepository(Customer).countBy(heldCustomers(corpId, 'enterprise')),
    personalCustomers: await ds.getRepository(Customer).countBy(heldCustomers(corpId, 'personal')),
    contracts: await ds.getRepository(Deal).countBy(heldDeals(corpId, 'dingtalk')),
    contracts30d: await ds.getRepository(Deal).countBy({ ...heldDeals(corpId, 'dingtalk'), signedOn: MoreThanOrEqual(addDays(today, -30)) }),
    followUps30d: await ds.getRepository(FollowUp).countBy({ ...heldFollowUps(corpId), followedAt: MoreThanOrEqual(since30) }),
    followUpsRecheck: await ds
      .getRepository(FollowUp)
      .countBy({ ...heldFollowUps(corpId), followedAt: MoreThanOrEqual(new Date(now.getTime() - followUpRecheckDays * 86_400_000)) }),
    clocks30d: await ds.getRepository(ClockRecord).countBy({ corpId, workDate: Between(addDays(today, -30), addDays(today, -1)) }),
  };
}
