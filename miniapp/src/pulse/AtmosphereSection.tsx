/**
 * 团队氛围 on the 转型看板: each team's latest month (积极 / 中性 / 消极 or 数据不足) with the reasons and actions, in tree
 * order: the dashboard's first page, then 显示更多 a page at a time.
 */
import { useEffect, useState } from 'react';
import Button from 'antd-mobile/es/components/button';
import { ATMOSPHERE_PAGE_SIZE, zh, type AtmosphereView } from '@liucai/shared';
import { errorMessage } from '../api/client';
import { getAtmospherePage } from '../api/outcomesEndpoints';
import { navigate } from '../router/hashRoute';
import './pulse.css';

export function AtmosphereSection({ first, total }: { first: AtmosphereView[]; total: number }) {
  const [teams, setTeams] = useState(first);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setTeams(first), [first]);

  const more = async () => {
    setLoading(true);
    setError(null);
    try {
      const next = await getAtmospherePage(Math.floor(teams.length / ATMOSPHERE_PAGE_SIZE) + 1, ATMOSPHERE_PAGE_SIZE);
      setTeams((shown) => [...shown, ...next.items.filter((t) => !shown.some((s) => s.deptId === t.deptId))]);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  };

  return (
    <section className="card" data-testid="outcome-atmosphere">
      <div className="card-head">
        <h2>{total > 0 ? zh`团队氛围 · ${total} 个团队` : '团队氛围'}</h2>
        <a className="link small" onClick={() => navigate('/pulse-admin')}>
          脉搏调查
        </a>
      </div>
      <p className="muted small">来自匿名脉搏调查（eNPS、留任意愿等，作答满 5 人的团队才计算）和跨部门协作、帮助同事的趋势，每晚更新。</p>
      {teams.length === 0 && <p className="muted">还没有团队氛围：发起脉搏调查，本轮截止且作答满 5 人后即可看到。</p>}
      <div className="atmo-list">
        {teams.map((t) => (
          <div key={t.deptId} className="card atmo-card" data-testid={`atmosphere-${t.deptId}`}>
            <div className="card-head">
              <strong>{t.deptName}</strong>
              <span className={`atmo-level ${t.level ?? ''}`}>{t.level ?? '数据不足'}</span>
            </div>
            <div className="muted small">
              {t.month}
              {t.respondents > 0 ? ` · ${t.respondents} 人作答` : ''}
            </div>
            <ul>
              {t.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            <div className="small" style={{ marginTop: 6 }}>
              建议：
            </div>
            <ul>
              {t.actions.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      {error && <p className="error small">{error}</p>}
      {teams.length < total && (
        <Button block fill="none" loading={loading} onClick={() => void more()} data-testid="atmosphere-more">
          显示更多（已显示 {teams.length} / {total} 个）
        </Button>
      )}
    </section>
  );
}
