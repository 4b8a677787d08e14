import { createHash } from 'node:crypto';
import { yuanToFen } from '@liucai/shared';
import { CollaborationEvent, Customer, Deal, FollowUp } from '../../../entities';
import type { CustomerKind } from '../../../entities/Customer';
import type { DealStatus } from '../../../entities/Deal';
import { FOLLOW_UP_CONTENT_MAX } from '../../../entities/FollowUp';
import type { CrmCustomerRow, CrmObjectRow } from '../../../dingtalk/crmApi';
import { CRM_FIELDS } from '../../../dingtalk/wireFacts';
import { shanghaiDate } from '../../../util/dates';

/** A source id that fits the 64-character key: DingTalk's own id, or a hash of it when it is longer. */
export const fitId = (id: string) => (id.length <= 64 ? id : createHash('sha1').update(id).digest('hex'));

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);

/** "yyyy-MM-dd HH:mm:ss" Beijing time, or ms epoch (number or digits), as a Date; null when unreadable. */
export function crmInstant(v: unknown): Date | null {
  if (typeof v === 'number' && Number.isFinite(v)) return new Date(v);
  if (typeof v !== 'string') return null;
  if (/^\d{10,13}$/.test(v)) return new Date(Number(v));
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(v.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h - 8, mi, s));
}

/**
 * A CRM amount in yuan (DingTalk sends "150000.00", "150,000" or 150000.5) as integer fen, through the one shared
 * conversion; negative amounts are refused (a contract is never negative). Null, with the reason, when unreadable.
 */
export function crmAmountFen(v: unknown): { fen: number } | { problem: string } {
  if (typeof v !== 'number' && typeof v !== 'string') return { problem: '没有金额' };
  const r = yuanToFen(v);
  return r.ok ? { fen: r.fen } : { problem: r.message };
}

/** A CRM customer as a row (segment and deal dates are derived later from the deals); listed, so not removed. */
export function customerFrom(corpId: string, row: CrmCustomerRow, importedAt: Date, kind: CustomerKind = 'enterprise'): Customer {
  return Object.assign(new Customer(), {
    corpId,
    source: 'dingtalk' as const,
    sourceId: fitId(row.instanceId),
    name: (text(row.data[CRM_FIELDS.customerName]) ?? row.instanceId).slice(0, 200),
    ownerUserid: row.ownerUserIds[0] ?? null,
    data: row.data,
    kind,
    removedAt: null,
    importedAt,
  });
}

const STATUSES: ReadonlySet<string> = new Set<DealStatus>(['active', 'completed', 'cancelled']);

/** A contract as a deal, or why it cannot be one. */
export function dealFrom(corpId: string, row: CrmObjectRow, customerNames: ReadonlyMap<string, string>, importedAt: Date): Deal | { problem: string } {
  const d = row.data;
  const amount = crmAmountFen(d[CRM_FIELDS.contractAmount]);
  if ('problem' in amount) return { problem: `合同 ${row.instanceId} 金额无法识别：${amount.problem}` };
  const amountFen = amount.fen;
  const signed = crmInstant(d[CRM_FIELDS.contractSignDate]);
  if (!signed) return { problem: `合同 ${row.instanceId} 签约日期无法识别` };
  const customerId = text(d[CRM_FIELDS.contractCustomer]);
  const status = text(d[CRM_FIELDS.contractStatus]) ?? 'active';
  const renewal = Number(d[CRM_FIELDS.contractRenewalYears] ?? 0);
  return Object.assign(new Deal(), {
    corpId,
    source: 'dingtalk' as const,
    sourceId: fitId(row.instanceId),
    customerSourceId: customerId ? fitId(customerId) : null,
    customerName: (text(d[CRM_FIELDS.contractCustomerName]) ?? (customerId ? customerNames.get(fitId(customerId)) : undefined) ?? '').slice(0, 200),
    ownerUserid: row.ownerUserIds[0] ?? null,
    amountFen,
    signedOn: shanghaiDate(signed),
    renewalYears: Number.isInteger(renewal) && renewal >= 0 && renewal <= 50 ? renewal : 0,
    status: (STATUSES.has(status) ? status : 'active') as DealStatus,
    removedAt: null,
    importedAt,
  });
}

/** A follow record as a follow-up, or null when it has no readable time. */
export function followUpFrom(corpId: string, row: CrmObjectRow, importedAt: Date): FollowUp | null {
  const at = crmInstant(row.data[CRM_FIELDS.followTime]) ?? crmInstant(row.gmtCreate);
  if (!at) return null;
  const customerId = text(row.data[CRM_FIELDS.followCustomer]);
  return Object.assign(new FollowUp(), {
    corpId,
    source: 'dingtalk' as const,
    sourceId: fitId(row.instanceId),
    ownerUserid: row.creatorUserId ?? row.ownerUserIds[0] ?? null,
    customerSourceId: customerId ? fitId(customerId) : null,
    followedAt: new Date(Math.floor(at.getTime() / 1000) * 1000),
    content: text(row.data[CRM_FIELDS.followContent])?.slice(0, FOLLOW_UP_CONTENT_MAX) ?? null,
    modifiedAt: crmInstant(row.gmtModified),
    removedAt: null,
    importedAt,
  });
}

/** Where people work, for telling whether a participant came from another department. */
export interface OrgUnits {
  /** The unit (a department directly under the root) a person's main department belongs to. */
  unitOf(userid: string): { deptId: number; name: string } | undefined;
}

/**
 * Cross-department collaborations of one follow-up: one per department (a unit directly under the root, e.g.
 * 技术部, 客户成功部) that a participant came from, other than the owner's own. Participants we cannot place
 * (not synced) are skipped. Keyed by record and department, so re-reading a record never duplicates.
 */
export function collaborationsFrom(
  corpId: string,
  followUp: FollowUp,
  participants: readonly string[],
  customerName: string | null,
  units: OrgUnits,
  importedAt: Date,
): CollaborationEvent[] {
  const owner = followUp.ownerUserid;
  if (!owner) return [];
  const own = units.unitOf(owner);
  const seen = new Map<number, string>();
  for (const p of participants) {
    if (p === owner) continue;
    const unit = units.unitOf(p);
    if (!unit || unit.deptId === own?.deptId) continue;
    seen.set(unit.deptId, unit.name);
  }
  return [...seen].map(([deptId, name]) =>
    Object.assign(new CollaborationEvent(), {
      corpId,
      source: 'dingtalk' as const,
      sourceId: fitId(`crm:${followUp.sourceId}:${deptId}`),
      userid: owner,
      withDepartment: name.slice(0, 200),
      customerName: customerName ? customerName.slice(0, 200) : null,
      occurredOn: shanghaiDate(followUp.followedAt),
      importedAt,
    }),
  );
}
