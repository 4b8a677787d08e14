/** One person in the review: score, tier, the main gap, and every dimension's input, score, weight and contribution. */
import { mainGap, type TalentDecisionView, type TalentScoreView } from '@liucai/shared';
import { DecisionControls } from './DecisionControls';
import { hrefFor } from '../router/hashRoute';
import { TIER_TEXT } from './tierDisplay';

const unitText = (value: string, unit: string) => (unit === '%' ? `${value}%` : `${value} ${unit}`);

/** `onDecided`: given to HR and admins, who may record a decision on the suggestion from the card. */
export function TalentPersonCard({ person, onDecided }: { person: TalentScoreView; onDecided?: (d: TalentDecisionView) => void }) {
  const tier = person.tier ?? 'insufficient';
  const gap = person.score === null ? null : mainGap(person.dimensions);
  return (
    <article className="card talent-person" data-testid={`talent-${person.userid}`}>
      <div className="talent-person-head">
        <div className="talent-person-who">
          <a className="link talent-person-name" href={hrefFor('/person', { u: person.userid })}>
            {person.name}
          </a>
          <div className="muted small">{[person.title, person.department?.path].filter(Boolean).join(' · ')}</div>
        </div>
        <div className="talent-person-score">
          <span className={`talent-score tier-text-${tier}`} data-testid="talent-score">
            {person.score ?? '—'}
          </span>
          <span className={`tier-tag tier-${tier}`}>{TIER_TEXT[tier]}</span>
        </div>
      </div>
      {gap && (
        <div className="talent-gap small" data-testid="talent-gap">
          主要差距：{gap.label}（得分 {gap.score}，少得 {gap.lost} 分）
        </div>
      )}
      {person.score === null && <div className="talent-gap small muted">{person.explanation}</div>}
      <div className="talent-decision small" data-testid="talent-decision">
        {person.decision
          ? `HR 决定：${person.decision.tierLabel}（${person.decision.kind === 'agree' ? '同意建议' : `调整，理由：${person.decision.reason ?? ''}`}）`
          : '建议档位，HR 尚未决定'}
      </div>
      {onDecided && <DecisionControls person={person} onDecided={onDecided} />}
      <ul className="talent-dims">
        {person.dimensions.map((d) => (
          <li key={d.id} className="talent-dim">
            <div className="talent-dim-head">
              <span className="talent-dim-label">{d.label}</span>
              <span className="muted small">
                权重 {d.weight}%{d.appliedWeight !== null && d.appliedWeight !== d.weight ? `（按 ${d.appliedWeight}% 计）` : ''}
              </span>
              <span className="talent-dim-score">{d.score === null ? '数据不足' : `${d.score} 分`}</span>
            </div>
            <div className="talent-dim-track">
              <span className={`talent-dim-fill${d.score === null ? ' empty' : ''}`} style={{ width: `${d.score === null ? 0 : Number(d.score)}%` }} />
            </div>
            <div className="muted small talent-dim-why">
              {d.value === null ? d.explanation : `${unitText(d.value, d.unit)} · 贡献 ${d.contribution ?? '—'} 分`}
            </div>
          </li>
        ))}
      </ul>
      <div className="muted small">
        岗位模型第 {person.version} 版 · {person.period}
      </div>
    </article>
  );
}
