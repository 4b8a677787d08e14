import type { DataSource } from 'typeorm';
import { formatCount, SOURCE_LABELS, zh, type DataGap, type DataQuality, type DataSourceQuality, type SyncKind } from '@liucai/shared';
import { DataGapItem, SyncCheckpoint, SyncRun, User } from '../../../entities';
import type { Actor } from '../../../appTypes';
import { METERED_QUOTAS } from '../../../dingtalk/wireFacts';
import { peopleScopeOf, scopeKey, whereInPeopleScope, type PeopleScope } from '../../people/policies/peopleScope';
import { keptRead, type KeptPool } from '../../../db/keptReads';
import { refreshDataQuality, storedDataQuality, type NamedGapId, type QualitySnapshot } from '../commands/dataQualityRefresher';
import { DEFAULT_CRM_SETTINGS } from '../commands/crmSettings';
import { presentBudget, type BudgetPresenterConfig } from './budget';
import { PHASE_LABELS, type CrmPosition } from '../commands/crmPass';
import { importsStatus, sourceStatus } from './sourceStatus';

const SYNC_KINDS: readonly SyncKind[] = ['org', 'attendance', 'leave', 'departures', 'crm'];
const SYNC_CARDS: Record<SyncKind, string> = { org: '组织同步', attendance: '考勤同步', leave: '请假同步', departures: '离职同步', crm: 'CRM 同步' };
const EXAMPLES = 5;

/** What each named gap asks HR to do. */
const NEXT_STEPS: Record<NamedGapId, string> = {
  users_without_supervisor: '在钉钉管理后台为这些人设置直属主管或部门主管，然后重新同步组织架构',
  leaves_not_in_attendance: '这些已通过的请假在当天考勤中没有对应的审批记录：先同步考勤再核对；仍不一致请在钉钉考勤中检查该假期类型是否计入考勤',
  contracts_without_owner: '在钉钉 CRM 中为这些合同指定负责人，然后同步 CRM：没有负责人的合同不计入任何人的业绩与提成',
  customers_without_follow_up: '这些客户在同步范围内没有任何跟进记录：提醒负责人在钉钉 CRM 中登记跟进；跟进时间是大客户画像的依据',
  deals_without_owner: '为这些合同补充负责人（在导入文件中填写负责人后重新导入）',
};
/** Which source lists each named gap, and after which sync it means something. */
const GAP_SOURCE: Record<NamedGapId, DataSourceQuality['source']> = {
  users_without_supervisor: 'org',
  leaves_not_in_attendance: 'leave',
  contracts_without_owner: 'crm',
  customers_without_follow_up: 'crm',
  deals_without_owner: 'imports',
};

/** The latest run and the latest successful run of each kind, in one query. */
async function runsByKind(ds: DataSource, corpId: string): Promise<Map<SyncKind, { latest: SyncRun | null; ok: SyncRun | null }>> {
  const runs = ds.getRepository(SyncRun);
  const rows = await runs
    .createQueryBuilder('r')
    .where(
      `r.id IN (SELECT MAX(x.id) FROM sync_runs x WHERE x.corp_id = :corpId GROUP BY x.kind)
       OR r.id IN (SELECT MAX(y.id) FROM sync_runs y WHERE y.corp_id = :corpId AND y.status = 'succeeded' GROUP BY y.kind)`,
      { corpId },
    )
    .getMany();
  const out = new Map<SyncKind, { latest: SyncRun | null; ok: SyncRun | null }>();
  for (const kind of SYNC_KINDS) {
    const mine = rows.filter((r) => r.kind === kind).sort((a, b) => b.id - a.id);
    out.set(kind, { latest: mine[0] ?? null, ok: mine.find((r) => r.status === 'succeeded') ?? null });
  }
  return out;
}

type ScopedGaps = Map<NamedGapId, { count: number; examples: string[] }>;

/** Where the scoped gap answers are kept: apart from the pages' answers, one per viewer's scope and snapshot. */
const SCOPED_GAPS: KeptPool = { name: 'dataGaps', max: 500 };

/**
 * Each named gap's size and first items within `scope` (null: everything, as an admin sees it), kept per snapshot:
 * gap items change only when the snapshot is refreshed (after a sync or an import), so each scope's filtered counts
 * are computed once per snapshot, not per page view (its refresh id in the key; a scope also follows the org, which
 * its departments' closure comes from). Views arriving while a count runs share it (after a sync refreshes the
 * snapshot, every open 数据 page asks at once); a failed count is not kept.
 */
function scopedGaps(ds: DataSource, viewer: Actor | null, corpId: string, scope: PeopleScope | null, refreshId: string): Promise<ScopedGaps> {
  const read = () => countScopedGaps(ds, corpId, scope);
  return scope && viewer
    ? keptRead(ds, viewer, ['org'], ['dataGaps', refreshId, scopeKey(scope)], read, SCOPED_GAPS)
    : keptRead(ds, corpId, [], ['dataGaps', refreshId, 'all'], read, SCOPED_GAPS);
}

async function countScopedGaps(ds: DataSource, corpId: string, scope: PeopleScope | null): Promise<ScopedGaps> {
  const base = () => {
    const qb = ds.getRepository(DataGapItem).createQueryBuilder('g').where('g.corp_id = :corpId', { corpId });
    if (scope && !scope.all) whereInPeopleScope(qb.innerJoin(User, 'u', 'u.corp_id = g.corp_id AND u.userid = g.subject_userid'), 'u', scope);
    return qb;
  };
  const counts: { gapId: NamedGapId; n: string | number }[] = await base()
    .select('g.gap_id', 'gapId')
    .addSelect('COUNT(*)', 'n')
    .groupBy('g.gap_id')
    .getRawMany();
  const out: ScopedGaps = new Map();
  for (const c of counts) {
    const examples = await base()
      .select('g.label', 'label')
      .andWhere('g.gap_id = :gapId', { gapId: c.gapId })
      .orderBy('g.seq')
      .limit(EXAMPLES)
      .getRawMany<{ label: string }>();
    out.set(c.gapId, { count: Number(c.n), examples: examples.map((e) => e.label) });
  }
  return out;
}

/** The day-by-day position of attendance and leave, and the CRM pass in flight, from the checkpoints. */
async function positions(ds: DataSource, corpId: string) {
  const rows = await ds.getRepository(SyncCheckpoint).findBy({ corpId });
  const by = new Map(rows.map((r) => [r.source, r]));
  const through = (source: string) => {
    const t = by.get(source)?.position.through;
    return typeof t === 'string' ? t : null;
  };
  // Leave is read from approvals or from getleavestatus (config); whichever moved last is the one in use.
  const leave = [by.get('leave-approvals'), by.get('leave')].filter((r) => r !== undefined).sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0];
  const pass = (by.get('crm')?.position as CrmPosition | undefined)?.pass ?? null;
  return {
    attendance: through('attendance'),
    leave: leave ? through(leave.source) : null,
    crmPass: pass ? { phase: PHASE_LABELS[pass.phase] ?? pass.phase, pages: pass.pages } : null,
  };
}

/**
 * The 数据 page (GET /api/v1/sync/quality): per source first whether it is complete and fresh and what to do next,
 * then what it holds (company-wide, each figure with its term), then its gaps. Gap counts are company-wide (a gap is
 * fixed at the source, for everyone); `inScopeCount` and the example names are limited to the viewer's people and
 * customers. Holdings and gaps come from the snapshot refreshed after each sync and import (computed here once if
 * there is none yet); freshness and the budget are read live.
 */
export async function presentDataQualityFor(
  ds: DataSource,
  corpId: string,
  config: BudgetPresenterConfig,
  viewer: Actor | null,
  now = new Date(),
  snapshotIn?: QualitySnapshot,
): Promise<DataQuality> {
  const snapshot =
    snapshotIn ?? (await storedDataQuality(ds, corpId)) ?? (await refreshDataQuality(ds, corpId, { now, followUpRecheckDays: config.crm.followUpRecheckDays }));
  // Read side by side (on MariaDB each on its own connection): the runs, the sync positions, the viewer's gaps, the budget.
  const scopeAndGaps = async () => {
    const scope = viewer && !viewer.roles.includes('admin') ? await peopleScopeOf(ds, viewer) : null;
    return { scope, named: await scopedGaps(ds, viewer, corpId, scope, snapshot.refreshId) };
  };
  const [runs, at, { scope, named }, budget] = await Promise.all([
    runsByKind(ds, corpId),
    positions(ds, corpId),
    scopeAndGaps(),
    presentBudget(ds, corpId, config, snapshot, now),
  ]);

  const namedGap = (id: NamedGapId): DataGap | null => {
    const total = snapshot.namedGapCounts[id] ?? 0;
    if (total === 0) return null;
    const mine = named.get(id);
    return { id, count: total, inScopeCount: mine?.count ?? 0, examples: mine?.examples ?? [], nextStep: NEXT_STEPS[id] };
  };
  const gapsOf = (source: DataSourceQuality['source']) =>
    (Object.keys(GAP_SOURCE) as NamedGapId[])
      .filter((id) => GAP_SOURCE[id] === source)
      .map(namedGap)
      .filter((g): g is DataGap => g !== null);

  const sources: DataSourceQuality[] = SYNC_KINDS.map((kind) => {
    const { latest, ok } = runs.get(kind)!;
    const status = sourceStatus({
      kind,
      syncCard: SYNC_CARDS[kind],
      lastSucceeded: ok,
      latest,
      through: kind === 'attendance' ? at.attendance : kind === 'leave' ? at.leave : null,
      passInFlight: kind === 'crm' ? at.crmPass : null,
      now,
    });
    const gaps: DataGap[] = [];
    if (!ok)
      gaps.push({
        id: 'never_synced',
        count: 1,
        inScopeCount: null,
        examples: [],
        nextStep: zh`尚未成功同步${SOURCE_LABELS[kind]}：点击“立即同步”，或等待每晚的自动同步`,
      });
    else {
      if (kind === 'attendance') {
        if (snapshot.daysWithoutAttendance.length > 0)
          gaps.push({
            id: 'days_without_attendance',
            count: snapshot.daysWithoutAttendance.length,
            inScopeCount: null,
            examples: snapshot.daysWithoutAttendance.slice(0, EXAMPLES),
            nextStep: '这些工作日全公司没有任何考勤记录：确认是否为节假日；否则检查钉钉考勤组并同步考勤',
          });
        if (snapshot.daysWithoutClockRecords.length > 0)
          gaps.push({
            id: 'days_without_clock_records',
            count: snapshot.daysWithoutClockRecords.length,
            inScopeCount: null,
            examples: snapshot.daysWithoutClockRecords.slice(0, EXAMPLES),
            nextStep: '这些天有考勤记录却没有打卡记录（地点、设备）：清除考勤同步进度后重新同步考勤，或检查应用的考勤权限',
          });
      }
      gaps.push(...gapsOf(kind));
    }
    const holdings = snapshot.holdings[kind];
    return {
      source: kind,
      label: SOURCE_LABELS[kind],
      ...status,
      lastSucceededAt: ok?.finishedAt?.toISOString() ?? null,
      holdings,
      rows: holdings[0]?.count ?? 0,
      lastError: latest?.status === 'failed' ? latest.error : null,
      lastNote: ok?.note ?? null,
      gaps,
    };
  });
  const imports = snapshot.holdings.imports;
  sources.push({
    source: 'imports',
    label: SOURCE_LABELS.imports,
    ...importsStatus(snapshot.lastImportAt),
    lastSucceededAt: snapshot.lastImportAt,
    holdings: imports,
    rows: imports[0]?.count ?? 0,
    lastError: null,
    lastNote: null,
    gaps: gapsOf('imports'),
  });
  return { budget, sources, computedAt: snapshot.computedAt, viewerScope: scope ? 'scope' : 'all' };
}

/**
 * The page as an admin sees it, counted now (tests and tools): refreshes the snapshot first. `limitOrConfig` is the
 * month's metered-call limit (the 标准版 event quota then) or the budget configuration.
 */
export async function presentDataQuality(
  ds: DataSource,
  corpId: string,
  limitOrConfig: number | BudgetPresenterConfig,
  now = new Date(),
): Promise<DataQuality> {
  const config: BudgetPresenterConfig =
    typeof limitOrConfig === 'number'
      ? {
          budget: {
            edition: { edition: 'standard', entitlements: 0, addOnPacks: 0 },
            label: `自定义额度（每月 ${formatCount(limitOrConfig)} 次）`,
            apiCalls: limitOrConfig,
            events: METERED_QUOTAS.standard.events,
            notifyShare: 0,
          },
          crm: { ...DEFAULT_CRM_SETTINGS, operatorUserid: undefined },
          leaveProcessCode: null,
        }
      : limitOrConfig;
  const snapshot = await refreshDataQuality(ds, corpId, { now, followUpRecheckDays: config.crm.followUpRecheckDays });
  return presentDataQualityFor(ds, corpId, config, null, now, snapshot);
}
