/**
 * One person's KPI month: the weighted total against the pass score, the team linkage in words, every indicator's
 * value, target, score and weight (before → after linkage), the trend over the months, and the promotion streak.
 */
import type { KpiIndicatorView, KpiPersonView } from '@liucai/shared';

const unitText = (value: string, unit: string) => (unit === '%' ? `${value}%` : `${value} ${unit}`);
const SOURCE_TEXT: Record<string, string> = { crm: 'CRM', collaboration: '协作记录', satisfaction: '满意度', import: '导入', supervisorRating: '主管评分' };

function IndicatorRow({ i }: { i: KpiIndicatorView }) {
  const moved = i.weight !== i.baseWeight;
  return (
    <li className="kpi-ind" data-testid={`kpi-ind-${i.id}`}>
      <div className="kpi-ind-head">
        <span className="kpi-ind-label">{i.label}</span>
        <span className="kpi-ind-score">{i.score} 分</span>
      </div>
      <div className="kpi-ind-track">
        <span className="kpi-ind-fill" style={{ width: `${Math.min(100, Number(i.score))}%` }} />
      </div>
      <div className="kpi-ind-facts small">
        <span>实际 {i.value === null ? '无数据' : unitText(i.value, i.unit)}</span>
        <span>目标 {unitText(i.target, i.unit)}</span>
        <span>权重 {moved ? `${i.baseWeight}% → ${i.weight}%` : `${i.weight}%`}</span>
        <span>贡献 {i.contribution} 分</span>
      </div>
      <div className="muted small">
        {SOURCE_TEXT[i.source] ?? i.source} · {i.note}
      </div>
    </li>
  );
}

export function KpiTrend({ person, onPick }: { person: KpiPersonView; onPick?: ((period: string) => void) | undefined }) {
  if (person.trend.length === 0) return null;
  return (
    <div className="kpi-trend" data-testid="kpi-trend">
      {person.trend.map((m) => (
        <button
          key={m.period}
          type="button"
          className={`kpi-trend-col${m.period === person.period ? ' current' : ''}`}
          title={`${m.period}：${m.total} 分`}
          disabled={!onPick}
          onClick={() => onPick?.(m.period)}
        >
          <span className="kpi-trend-value small">{Number(m.total).toFixed(0)}</span>
          <span className={`kpi-trend-bar${m.met ? ' met' : ''}`} style={{ height: `${Math.max(4, Number(m.total))}%` }} />
          <span className="kpi-trend-month small">{Number(m.period.slice(5))}月</span>
        </button>
      ))}
    </div>
  );
}

export function KpiStreak({ person }: { person: KpiPersonView }) {
  const s = person.streak;
  return (
    <div className={`kpi-streak${s.eligible ? ' eligible' : ''}`} data-testid="kpi-streak">
      <div className="kpi-streak-dots" aria-hidden>
        {Array.from({ length: s.required }, (_, k) => (
          <span key={k} className={`kpi-streak-dot${k < Math.min(s.streak, s.required) ? ' on' : ''}`} />
        ))}
      </div>
      <div>
        <div className="kpi-streak-title">{s.eligible ? '已具备晋升大客户主管资格' : `晋升进度：连续达标 ${s.streak} / ${s.required} 个月`}</div>
        <div className="muted small">{s.explanation}</div>
        {person.promotion?.decision && (
          <div className="small">
            HR 决定：{person.promotion.decision === 'promote' ? '晋升' : '暂不晋升'}
            {person.promotion.decisionNote ? `（${person.promotion.decisionNote}）` : ''}
          </div>
        )}
      </div>
    </div>
  );
}

export function KpiPersonCard({ person, onPickMonth }: { person: KpiPersonView; onPickMonth?: (period: string) => void }) {
  if (person.period === null || person.total === null) {
    return (
      <section className="card">
        <div className="empty-text" data-testid="kpi-empty">
          还没有绩效得分：每晚根据 CRM、协作和满意度数据计算；你的职位需有适用的 KPI 方案
        </div>
      </section>
    );
  }
  return (
    <>
      <section className="card kpi-summary" data-testid="kpi-summary">
        <div className="kpi-total">
          <span className={`kpi-total-value${person.met ? ' met' : ''}`} data-testid="kpi-total">
            {person.total}
          </span>
          <span className="muted small">/ 达标 {person.passScore} 分</span>
          <span className={`kpi-badge${person.met ? ' met' : ''}`}>{person.met ? '达标' : '未达标'}</span>
        </div>
        <div className="muted small">
          {person.period} · {person.scheme?.name} 第 {person.scheme?.version} 版
        </div>
        {person.team && (
          <div className="kpi-linkage small" data-testid="kpi-linkage">
            团队（{person.team.members} 人）平均 {person.team.average} 分，{person.team.status === 'met' ? '达标' : '未达标'}（达标线 {person.team.passScore}
            ）。{person.linkage}
          </div>
        )}
      </section>
      <section className="card">
        <div className="kpi-card-title">指标</div>
        <ul className="kpi-inds">
          {person.indicators.map((i) => (
            <IndicatorRow key={i.id} i={i} />
          ))}
        </ul>
      </section>
      <section className="card">
        <div className="kpi-card-title">近 12 个月{onPickMonth ? '（点柱子查看当月）' : ''}</div>
        <KpiTrend person={person} onPick={onPickMonth} />
        <KpiStreak person={person} />
      </section>
    </>
  );
}
