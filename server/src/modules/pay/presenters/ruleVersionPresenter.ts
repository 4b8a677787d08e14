/** Versions of plans and KPI schemes as the API shows them (explicit fields; the definition parsed). */
import type { DataSource } from 'typeorm';
import { inEffect, type RuleVersionInfo, type UserRef } from '@liucai/shared';
import type { RuleVersion } from '../../../entities/RuleVersion';
import type { VersionedRule } from '../../../entities/VersionedRule';
import { userRefs } from './userRefs';

/** The fields every version shows, given the name cards of the people involved. */
export function presentVersionInfo(v: RuleVersion, users: Map<string, UserRef>): RuleVersionInfo {
  return {
    id: v.id,
    version: v.version,
    status: v.status,
    effectiveFrom: v.effectiveFrom,
    effectiveTo: v.effectiveTo,
    note: v.note,
    createdBy: users.get(v.createdBy) ?? null,
    createdAt: v.createdAt.toISOString(),
    publishedBy: v.publishedBy ? (users.get(v.publishedBy) ?? null) : null,
    publishedAt: v.publishedAt ? v.publishedAt.toISOString() : null,
    copiedFromId: v.copiedFromId,
  };
}

/** The published version in force on `day`, if any. */
export const currentVersionId = (versions: readonly RuleVersion[], day: string): number | null =>
  versions.find((v) => v.status === 'published' && inEffect({ from: v.effectiveFrom, to: v.effectiveTo }, day))?.id ?? null;

/** Everyone who created or published these rules and versions. */
export const authorsOf = (rules: readonly VersionedRule[], versions: readonly RuleVersion[]): (string | null)[] => [
  ...rules.map((r) => r.createdBy),
  ...versions.flatMap((v) => [v.createdBy, v.publishedBy]),
];

/** Name cards for everyone who created or published these rules and versions. */
export const namesFor = (ds: DataSource, corpId: string, rules: readonly VersionedRule[], versions: readonly RuleVersion[]) =>
  userRefs(ds, corpId, authorsOf(rules, versions));
