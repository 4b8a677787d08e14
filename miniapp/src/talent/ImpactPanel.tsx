/** A version's impact: everyone in scope, stored score → score under the version, and the main reason. */
import { useEffect, useState } from 'react';
import { TIER_LABELS, type JobModelImpact, type TalentTier } from '@liucai/shared';
import Skeleton from 'antd-mobile/es/components/skeleton';
import { errorMessage } from '../api/client';
import { getJobModelImpact } from '../api/talentEndpoints';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; impact: JobModelImpact };
const tierText = (t: TalentTier | null) => (t ? TIER_LABELS[t] : '数据不足');
const SHOWN = 50;

export function ImpactPanel({ versionId }: { versionId: number }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [all, setAll] = useState(false);
  useEffect(() => {
    let live = true;
    getJobModelImpact(versionId).then(
      (impact) => live && setState({ status: 'ready', impact }),
      (err: unknown) => live && setState({ status: 'error', message: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [versionId]);

  if (state.status === 'loading') return <Skeleton.Paragraph lineCount={4} animated />;
  if (state.status === 'error') return <div className="inline-error">影响预览加载失败：{state.message}</div>;
  const { impact } = state;
  if (impact.period === null) return <div className="empty-text">还没有画像数据：每晚同步后计算，之后才能预览影响</div>;
  const s = impact.summary;
  const people = all ? impact.people : impact.people.slice(0, SHOWN);
  return (
    <div className="impact" data-testid={`impact-${versionId}`}>
      <div className="impact-summary" data-testid="impact-summary">
        按 {impact.period} 的画像，{s.people} 人中 {s.changed} 人匹配度变化（升 {s.up}，降 {s.down}）
        {s.tierMoves.length > 0 && (
          <span>
            ；档位变化：
            {s.tierMoves.map((m) => `${tierText(m.from)} → ${tierText(m.to)} ${m.people} 人`).join('，')}
          </span>
        )}
      </div>
      <ul className="impact-list">
        {people.map((p) => (
          <li key={p.userid} data-testid={`impact-row-${p.userid}`}>
            <div className="impact-head">
              <span className="impact-name">{p.name}</span>
              <span className="muted small">{p.department?.path ?? ''}</span>
              <span className={`impact-scores${p.delta?.startsWith('-') ? ' down' : p.delta?.startsWith('+') ? ' up' : ''}`}>
                {p.oldScore ?? '—'} → {p.newScore ?? '—'}
                {p.delta && p.delta !== '0.0' ? `（${p.delta}）` : ''}
              </span>
            </div>
            <div className="muted small">
              {p.oldTier !== p.newTier ? `${tierText(p.oldTier)} → ${tierText(p.newTier)}：` : ''}
              {p.reason}
            </div>
          </li>
        ))}
      </ul>
      {!all && impact.people.length > SHOWN && (
        <button type="button" className="link impact-more" onClick={() => setAll(true)}>
          显示全部 {impact.people.length} 人
        </button>
      )}
    </div>
  );
}
