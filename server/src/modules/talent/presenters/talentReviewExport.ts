/**
 * The talent review as a table HR downloads (人才盘点 → 导出): one row per person in scope, then each dimension's
 * score. Layout: 工号 | 姓名 | 部门 | 职位 | 月份 | 岗位模型 | 版本 | 匹配度 | 建议档位 | 主要差距 | HR 决定 | 决定理由 |
 * one column per dimension (its label and weight; the cell is the 0–100 score or 数据不足).
 */
import { mainGap, type TalentScoreView } from '@liucai/shared';
import type { TableSheet } from '../../../util/tableFile';

export const TALENT_EXPORT_COLUMNS = [
  '工号',
  '姓名',
  '部门',
  '职位',
  '月份',
  '岗位模型',
  '版本',
  '匹配度',
  '建议档位',
  '主要差距',
  'HR 决定',
  '决定理由',
] as const;

/** The sheet built batch by batch (the export reads the review a thousand people at a time). */
export class TalentReviewSheet {
  private dims: { id: string; head: string }[] | null = null;
  private readonly rows: string[][] = [];

  /** `jobModel`: the review's job model (its name is a column). */
  add(people: readonly TalentScoreView[], jobModel: { name: string } | null): void {
    // The columns are the first person's dimensions (one job-model version scores a month).
    this.dims ??= people[0]?.dimensions.map((d) => ({ id: d.id, head: `${d.label}（${d.weight}%）` })) ?? null;
    for (const p of people) this.rows.push(this.row(p, jobModel?.name ?? ''));
  }

  sheet(): TableSheet {
    const dims = this.dims ?? [];
    return { name: '人才盘点', header: [...TALENT_EXPORT_COLUMNS, ...dims.map((d) => d.head)], rows: this.rows, wide: ['主要差距', '决定理由'] };
  }

  private row(p: TalentScoreView, jobModelName: string): string[] {
    const gap = p.score === null ? null : mainGap(p.dimensions);
    const byId = new Map(p.dimensions.map((d) => [d.id, d]));
    return [
      p.jobNumber ?? '',
      p.name,
      p.department?.path ?? '',
      p.title ?? '',
      p.period,
      jobModelName,
      `第 ${p.version} 版`,
      p.score ?? '数据不足',
      p.tierLabel ?? '数据不足',
      gap ? `${gap.label}（少得 ${gap.lost} 分）` : '',
      p.decision ? p.decision.tierLabel : '未决定',
      p.decision?.reason ?? '',
      ...(this.dims ?? []).map((d) => byId.get(d.id)?.score ?? '数据不足'),
    ];
  }
}
