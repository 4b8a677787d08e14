import type { DataGap, DataQuality, DataSourceQuality, SyncKind } from '@liucai/shared';
import { Between, In, IsNull, type DataSource } from 'typeorm';
import { AttendanceResult, ClockRecord, Customer, Deal, Departure, LeaveRecord, SyncRun, User } from '../../../entities';
import { budgetMonth, meteredCallsThisMonth } from '../commands/callBudget';
import { addDays, shanghaiDate, shanghaiMidnight } from '../../../util/dates';

const LABELS: Record<SyncKind, string> = { org: '组织架构', attendance: '考勤', leave: '请假', departures: '离职', crm: 'CRM 客户与合同' };

async function lastRuns(ds: DataSource, corpId: string, kind: SyncKind) {
  const runs = ds.getRepository(SyncRun);
  const ok = await runs.findOne({ where: { corpId, kind, status: 'succeeded' }, order: { id: 'DESC' } });
  const latest = await runs.findOne({ where: { corpId, kind }, order: { id: 'DESC' } });
  return { ok, failed: latest?.status === 'failed' ? latest : null };
}

/** Working days (Mon-Fri) in the last `days` days up to yesterday that have no attendance row at all. */
async function daysWithoutAttendance(ds: DataSource, corpId: string, now: Date, days = 30): Promise<string[]> {
  const to = addDays(shanghaiDate(now), -1);
  const from = addDays(to, -(days - 1));
  const rows: { workDate: string }[] = await ds
    .getRepository(AttendanceResult)
    .createQueryBuilder('a')
    .select('DISTINCT a.work_date', 'workDate')
    .where('a.corp_id = :corpId AND a.work_date BETWEEN :from AND :to', { corpId, from, to })
    .getRawMany();
  const have = new Set(rows.map((r) => r.workDate));
  const missing: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const dow = new Date(shanghaiMidnight(d) + 8 * 3600 * 1000).getUTCDay();
    if (dow !== 0 && dow !== 6 && !have.has(d)) missing.push(d);
  }
  return missing;
}

/**
 * CRM gaps: contracts nobody owns (their value is credited to nobody) and owned customers never followed up.
 * Rows deleted in DingTalk (`removed_at` set by a full CRM pass) count nowhere.
 */
async function crmGaps(ds: DataSource, corpId: string): Promise<DataGap[]> {
  const gaps: DataGap[] = [];
  const deals = ds.getRepository(Deal);
  const ownerlessWhere = { corpId, source: 'dingtalk' as const, ownerUserid: IsNull(), removedAt: IsNull() };
  const ownerless = await deals.count({ where: ownerlessWhere });
  if (ownerless > 0) {
    const examples = await deals.find({ where: ownerlessWhere, order: { signedOn: 'DESC' }, take: 5 });
    gaps.push({
      id: 'contracts_without_owner',
      count: ownerless,
      examples: examples.map((d) => `${d.customerName}（${d.signedOn}）`),
      nextStep: '在钉钉 CRM 中为这些合同指定负责人，然后同步 CRM：没有负责人的合同不计入任何人的业绩与提成',
    });
  }
  const unfollowed = ds
    .getRepository(Customer)
    .createQueryBuilder('c')
    .where("c.corp_id = :corpId AND c.source = 'dingtalk' AND c.owner_userid IS NOT NULL AND c.removed_at IS NULL", { corpId })
    .andWhere('NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.corp_id = c.corp_id AND f.customer_source_id = c.source_id AND f.removed_at IS NULL)');
  const count = await unfollowed.getCount();
  if (count > 0) {
    const examples = await unfollowed.orderBy('c.source_id').take(5).getMany();
    gaps.push({
      id: 'customers_without_follow_up',
      count,
      examples: examples.map((c) => c.name),
      nextStep: '这些客户在同步范围内没有任何跟进记录：提醒负责人在钉钉 CRM 中登记跟进；跟进时间是大客户画像的依据',
    });
  }
  return gaps;
}

/** Days in the last `days` up to yesterday where someone clocked (per the results) but no raw clock record is held. */
async function daysWithoutClockRecords(ds: DataSource, corpId: string, now: Date, days = 30): Promise<string[]> {
  const to = addDays(shanghaiDate(now), -1);
  const from = addDays(to, -(days - 1));
  const clockedDays: { workDate: string }[] = await ds
    .getRepository(AttendanceResult)
    .createQueryBuilder('a')
    .select('DISTINCT a.work_date', 'workDate')
    .where(
      "a.corp_id = :corpId AND a.work_date BETWEEN :from AND :to AND a.user_check_at IS NOT NULL AND a.approve_id IS NULL AND a.time_result <> 'NotSigned'",
      {
        corpId,
        from,
        to,
      },
    )
    .getRawMany();
  const recordDays: { workDate: string }[] = await ds
    .getRepository(ClockRecord)
    .createQueryBuilder('c')
    .select('DISTINCT c.work_date', 'workDate')
    .where('c.corp_id = :corpId AND c.work_date BETWEEN :from AND :to', { corpId, from, to })
    .getRawMany();
  const have = new Set(recordDays.map((r) => r.workDate));
  return clockedDays
    .map((r) => r.workDate)
    .filter((d) => !have.has(d))
    .sort();
}

/**
 * Approved DingTalk leaves of the last `days` whose first day has attendance results for the person, none of them
 * settled by an approval: attendance and leave disagree (a leave approved after the attendance sync read the day,
 * or a leave type that does not count for attendance). Examples are "userid yyyy-mm-dd".
 */
async function leavesNotInAttendance(ds: DataSource, corpId: string, now: Date, days = 30): Promise<string[]> {
  const to = addDays(shanghaiDate(now), -1);
  const from = addDays(to, -(days - 1));
  const leaves = await ds.getRepository(LeaveRecord).find({
    where: { corpId, source: 'dingtalk', approvalState: 'approved', startAt: Between(new Date(shanghaiMidnight(from)), new Date(shanghaiMidnight(to))) },
    select: { userid: true, startAt: true },
  });
  const wanted = new Map(leaves.map((l) => [`${l.userid} ${shanghaiDate(l.startAt)}`, { userid: l.userid, day: shanghaiDate(l.startAt) }]));
  const userids = [...new Set(leaves.map((l) => l.userid))];
  const seen = new Map<string, boolean>();
  for (let i = 0; i < userids.length; i += 500) {
    const rows = await ds.getRepository(AttendanceResult).find({
      where: { corpId, userid: In(userids.slice(i, i + 500)), workDate: Between(from, to) },
      select: { userid: true, workDate: true, approveId: true },
    });
    for (const r of rows) {
      const key = `${r.userid} ${r.workDate}`;
      if (wanted.has(key)) seen.set(key, (seen.get(key) ?? false) || r.approveId !== null);
    }
  }
  return [...seen.entries()]
    .filter(([, settled]) => !settled)
    .map(([key]) => key)
    .sort();
}

/**
 * What HR sees on the data-quality page: per source the last successful sync, rows held, the last error or note,
 * and the gaps that will make scores wrong — each with a next step.
 */
export async function presentDataQuality(ds: DataSource, corpId: string, monthlyCallLimit: number, now = new Date()): Promise<DataQuality> {
  const used = await meteredCallsThisMonth(ds, corpId, now);
  const sources: DataSourceQuality[] = [];
  const counts: Record<SyncKind, () => Promise<number>> = {
    org: () => ds.getRepository(User).countBy({ corpId, status: 'active' }),
    attendance: () => ds.getRepository(AttendanceResult).countBy({ corpId }),
    leave: () => ds.getRepository(LeaveRecord).countBy({ corpId }),
    departures: () => ds.getRepository(Departure).countBy({ corpId }),
    crm: () => ds.getRepository(Customer).countBy({ corpId, source: 'dingtalk', removedAt: IsNull() }),
  };
  for (const kind of ['org', 'attendance', 'leave', 'departures', 'crm'] as const) {
    const { ok, failed } = await lastRuns(ds, corpId, kind);
    const gaps: DataGap[] = [];
    if (!ok) gaps.push({ id: 'never_synced', count: 1, examples: [], nextStep: `尚未成功同步${LABELS[kind]}：点击“立即同步”，或等待每晚的自动同步` });
    if (kind === 'org' && ok) {
      const orphans = await ds.getRepository(User).find({ where: { corpId, status: 'active', supervisorUserid: IsNull(), isBoss: false }, take: 5 });
      const n = await ds.getRepository(User).countBy({ corpId, status: 'active', supervisorUserid: IsNull(), isBoss: false });
      if (n > 0)
        gaps.push({
          id: 'users_without_supervisor',
          count: n,
          examples: orphans.map((u) => u.name),
          nextStep: '在钉钉管理后台为这些人设置直属主管或部门主管，然后重新同步组织架构',
        });
    }
    if (kind === 'attendance' && ok) {
      const missing = await daysWithoutAttendance(ds, corpId, now);
      if (missing.length > 0)
        gaps.push({
          id: 'days_without_attendance',
          count: missing.length,
          examples: missing.slice(0, 5),
          nextStep: '这些工作日没有任何考勤记录：确认是否为节假日；否则检查钉钉考勤组并同步考勤',
        });
      const noClocks = await daysWithoutClockRecords(ds, corpId, now);
      if (noClocks.length > 0)
        gaps.push({
          id: 'days_without_clock_records',
          count: noClocks.length,
          examples: noClocks.slice(0, 5),
          nextStep: '这些天有打卡结果但没有原始打卡记录（地点、设备）：清除考勤同步进度后重新同步考勤，或检查应用的考勤权限',
        });
    }
    if (kind === 'leave' && ok) {
      const mismatched = await leavesNotInAttendance(ds, corpId, now);
      if (mismatched.length > 0)
        gaps.push({
          id: 'leaves_not_in_attendance',
          count: mismatched.length,
          examples: mismatched.slice(0, 5),
          nextStep: '这些已通过的请假在当天考勤中没有对应的审批记录：先同步考勤再核对；仍不一致请在钉钉考勤中检查该假期类型是否计入考勤',
        });
    }
    if (kind === 'crm' && ok) gaps.push(...(await crmGaps(ds, corpId)));
    sources.push({
      source: kind,
      label: LABELS[kind],
      lastSucceededAt: ok?.finishedAt?.toISOString() ?? null,
      rows: await counts[kind](),
      lastError: failed?.error ?? null,
      lastNote: ok?.note ?? null,
      gaps,
    });
  }
  // DingTalk CRM contracts without an owner are the CRM source's gap (fixed in the CRM, not by a re-import); here
  // only imported ones, named like there by customer and date (the source id is a hash nobody can look up).
  const importedOwnerless = { corpId, ownerUserid: IsNull(), source: 'import' as const, removedAt: IsNull() };
  const ownerless = await ds.getRepository(Deal).find({ where: importedOwnerless, order: { signedOn: 'DESC' }, take: 5 });
  const ownerlessCount = await ds.getRepository(Deal).countBy(importedOwnerless);
  sources.push({
    source: 'imports',
    label: '合同与导入数据',
    lastSucceededAt: null,
    rows: await ds.getRepository(Deal).countBy({ corpId, removedAt: IsNull() }),
    lastError: null,
    lastNote: null,
    gaps: ownerlessCount
      ? [
          {
            id: 'deals_without_owner',
            count: ownerlessCount,
            examples: ownerless.map((d) => `${d.customerName}（${d.signedOn}）`),
            nextStep: '为这些合同补充负责人（在导入文件中填写负责人后重新导入）',
          },
        ]
      : [],
  });
  return { budget: { month: budgetMonth(now), used, limit: monthlyCallLimit, remaining: Math.max(0, monthlyCallLimit - used) }, sources };
}
