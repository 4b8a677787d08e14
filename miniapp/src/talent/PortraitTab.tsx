/**
 * 员工档案 → 画像: the person's newest match score with every dimension, their scores month by month with HR's
 * decision, and the newest portrait — each metric's value, what it means, how many rows it came from, or what is
 * missing, with the team and company medians, HR's reference value, its source rows and the client-feedback keywords
 * (MetricEvidence.tsx). 月度 / 季度 switches to the newest quarterly portrait (QuarterPortrait.tsx). Whoever may open the person page may see it (the person, their supervisor, HR in scope).
 */
import { useState } from 'react';
import Skeleton from 'antd-mobile/es/components/skeleton';
import type { PeriodKind } from '@liucai/shared';
import { MetricEvidenceList } from './MetricEvidence';
import { TalentPersonCard } from './TalentPersonCard';
import { PortraitCharts } from './PortraitCharts';
import { TIER_TEXT } from './tierDisplay';
import { useTalentPerson } from './useTalentPerson';
import { PortraitPeriodSwitch, QuarterPortrait } from './QuarterPortrait';
import './talent.css';

export function PortraitTab({ userid }: { userid: string }) {
  const [kind, setKind] = useState<PeriodKind>('month');
  return (
    <>
      <PortraitPeriodSwitch value={kind} onChange={setKind} />
      {kind === 'month' ? <MonthPortrait userid={userid} /> : <QuarterPortrait userid={userid} />}
    </>
  );
}

function MonthPortrait({ userid }: { userid: string }) {
  const state = useTalentPerson(userid);

  if (state.status === 'loading') return <Skeleton.Paragraph lineCount={5} animated />;
  if (state.status === 'error') return <div className="inline-error">画像加载失败：{state.message}</div>;
  const { scores, quarterScores, portrait } = state.data;
  if (scores.length === 0 && !portrait)
    return (
      <div className="empty-text" data-testid="portrait-tab-empty">
        还没有画像：每晚根据 CRM、协作和培训数据计算，有跟进或成交记录的销售人员才有
      </div>
    );
  const newest = scores[0];
  return (
    <div className="portrait-tab" data-testid="portrait-tab">
      <PortraitCharts scores={scores} quarterScores={quarterScores} />
      {newest && <TalentPersonCard person={newest} />}
      {scores.length > 0 && (
        <>
          <div className="section-label">匹配度历史</div>
          <table className="dim-table" data-testid="portrait-history">
            <thead>
              <tr>
                <th>月份</th>
                <th className="num">匹配度</th>
                <th>建议档位</th>
                <th>HR 决定</th>
              </tr>
            </thead>
            <tbody>
              {scores.map((s) => (
                <tr key={`${s.period}-${s.versionId}`}>
                  <td>
                    {s.period}
                    <span className="muted small"> · 第 {s.version} 版</span>
                  </td>
                  <td className="num">{s.score ?? '—'}</td>
                  <td>{TIER_TEXT[s.tier ?? 'insufficient']}</td>
                  <td>{s.decision ? `${s.decision.tierLabel}${s.decision.reason ? `（${s.decision.reason}）` : ''}` : '未决定'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {portrait && (
        <>
          <div className="section-label">画像指标（{portrait.period}）</div>
          <MetricEvidenceList userid={userid} portrait={portrait} />
        </>
      )}
    </div>
  );
}
