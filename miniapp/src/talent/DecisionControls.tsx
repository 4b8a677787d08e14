/**
 * HR's decision on one person's suggested tier: 同意建议, or 调整 to another tier with a reason. Checked with the
 * same rule the server applies (decideTier), so a missing reason is named before anything is sent.
 */
import { useState } from 'react';
import { TIER_LABELS, decideTier, type TalentDecisionView, type TalentScoreView, type TalentTier } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Selector from 'antd-mobile/es/components/selector';
import TextArea from 'antd-mobile/es/components/text-area';
import { errorMessage } from '../api/client';
import { postTalentDecision } from '../api/talentEndpoints';

const TIERS: TalentTier[] = ['move', 'train', 'reassign'];

export interface DecisionControlsProps {
  person: TalentScoreView;
  onDecided(decision: TalentDecisionView): void;
}

export function DecisionControls({ person, onDecided }: DecisionControlsProps) {
  const [mode, setMode] = useState<'idle' | 'override'>('idle');
  const [tier, setTier] = useState<TalentTier | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (kind: 'agree' | 'override') => {
    const checked = decideTier(person.tier, { kind, tier, reason });
    if (!checked.ok) {
      setError(checked.problems.map((p) => p.message).join('；'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await postTalentDecision(person.userid, {
        period: person.period,
        jobModelId: person.jobModelId,
        kind,
        ...(kind === 'override' ? { tier: checked.tier, reason: reason.trim() } : {}),
      });
      setMode('idle');
      setReason('');
      setTier(null);
      onDecided(saved);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="talent-decide" data-testid="decision-controls">
      {mode === 'idle' ? (
        <div className="talent-decide-buttons">
          {person.tier !== null && (
            <Button size="mini" color="primary" fill="outline" loading={busy} onClick={() => void send('agree')} data-testid="decision-agree">
              同意建议
            </Button>
          )}
          <Button size="mini" fill="outline" disabled={busy} onClick={() => setMode('override')} data-testid="decision-override">
            调整档位
          </Button>
        </div>
      ) : (
        <div className="talent-decide-form" data-testid="decision-form">
          <Selector
            columns={3}
            options={TIERS.filter((t) => t !== person.tier).map((t) => ({ label: TIER_LABELS[t], value: t }))}
            value={tier ? [tier] : []}
            onChange={(v) => setTier(v[0] ?? null)}
          />
          <TextArea
            placeholder="理由（必填，至少 4 个字），如：已完成大客户培训，上月独立签下 2 个大客户"
            value={reason}
            onChange={setReason}
            rows={2}
            maxLength={500}
            data-testid="decision-reason"
          />
          <div className="talent-decide-buttons">
            <Button size="mini" color="primary" loading={busy} onClick={() => void send('override')} data-testid="decision-save">
              保存调整
            </Button>
            <Button size="mini" fill="none" disabled={busy} onClick={() => (setMode('idle'), setError(null))}>
              取消
            </Button>
          </div>
        </div>
      )}
      {error && (
        <div className="inline-error small" data-testid="decision-error">
          {error}
        </div>
      )}
    </div>
  );
}
