/** A dimension's scoring rule in HR's words (岗位模型 page), from the definition as written. */
import type { JobModelDimension } from './jobModelTypes';
import { talentInputInfo } from './talentMetrics';

export const RULE_KIND_LABELS = { threshold: '达标', linear: '线性', banded: '分档' } as const;

export function describeDimensionRule(d: Pick<JobModelDimension, 'input' | 'rule'>): string {
  const info = talentInputInfo(d.input);
  const unit = info?.unit ?? '';
  const v = (x: number | string) => (unit === '%' ? `${x}%` : `${x} ${unit}`);
  const lower = info?.better === 'lower';
  switch (d.rule.kind) {
    case 'threshold':
      return `${lower ? '≤' : '≥'} ${v(d.rule.target)} 计 100，否则计 0`;
    case 'linear':
      return `${v(d.rule.floor)} 计 0，${v(d.rule.target)} 计 100，之间按比例`;
    case 'banded':
      return [...d.rule.bands]
        .reverse()
        .map((b) => `≥ ${v(b.min)} 计 ${b.score}`)
        .join('，');
  }
}
