/** The pay domain's refusals, with stable ids and Chinese messages (the envelope comes from errors.ts). */
import { zh } from '@liucai/shared';
import { rangeText } from '@liucai/shared';
import { AppError, conflict, validationError } from '../../errors';
import type { RuleVersion } from '../../entities/RuleVersion';
import type { RuleFamily } from './ruleFamilies';

/** 400: a definition's problems, each naming the component or indicator and the field. */
export const definitionInvalid = (family: RuleFamily, problems: { path: string; message: string }[]) =>
  validationError(problems.map((p) => ({ field: p.path ? `definition.${p.path}` : 'definition', label: family.labels.definition, message: p.message })));

/** 409: the range overlaps another version of the same rule. */
export const effectiveDatesOverlap = (family: RuleFamily, next: { from: string; to: string | null }, other: RuleVersion) =>
  conflict(
    'effective_dates_overlap',
    zh`生效期（${rangeText(next)}）与第 ${other.version} 版（${rangeText({ from: other.effectiveFrom, to: other.effectiveTo })}）重叠：同一${family.labels.rule}的各版本生效期不能重叠。要接替长期有效的现行版本，新版本的开始日期须晚于它的开始日期`,
    { field: 'effectiveFrom', conflictVersionId: other.id, conflictVersion: other.version, effectiveFrom: other.effectiveFrom, effectiveTo: other.effectiveTo },
  );

/** 409: a published version is never edited. */
export const versionImmutable = (family: RuleFamily, v: RuleVersion) =>
  conflict('version_immutable', `第 ${v.version} 版已发布，不能再修改：请复制为新版本后修改`, { versionId: v.id, version: v.version });

/** 409: publishing something already published. */
export const versionAlreadyPublished = (v: RuleVersion) => conflict('version_already_published', `第 ${v.version} 版已经发布过了`, { versionId: v.id });

/** 404: the caller has no plan in force today. */
export const noCurrentPlan = () => new AppError('no_current_plan', '你目前没有生效的激励方案，请联系 HR 分配', 404);

/** 409: an assignment overlaps another one for the same person or job. */
export const assignmentOverlap = (
  next: { from: string; to: string | null },
  other: { id: number; effectiveFrom: string; effectiveTo: string | null },
  who: string,
) =>
  conflict(
    'assignment_overlap',
    zh`${who}的新分配（${rangeText(next)}）与已有分配（${rangeText({ from: other.effectiveFrom, to: other.effectiveTo })}）重叠：同一对象的方案分配不能重叠`,
    { field: 'effectiveFrom', conflictAssignmentId: other.id },
  );
