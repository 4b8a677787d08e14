/**
 * 脉搏调查 on 测评 (everyone): the anonymous rounds one is invited to — answer an open one once (eNPS 0–10, 1–5
 * scales, an optional comment), or see that it was sent. Renders nothing when one was never invited.
 */
import { useCallback, useEffect, useState } from 'react';
import { PULSE_SCALE_LABELS, zh, type MyPulseRound, type PulseQuestion } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import Tag from 'antd-mobile/es/components/tag';
import { errorMessage } from '../api/client';
import { answerPulse, getMyPulse } from '../api/pulseEndpoints';
import './pulse.css';

export function PulseInbox() {
  const [rounds, setRounds] = useState<MyPulseRound[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setRounds(await getMyPulse());
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  if (error)
    return (
      <section className="card">
        <div className="inline-error">脉搏调查加载失败：{error}</div>
      </section>
    );
  if (!rounds || rounds.length === 0) return null;
  return (
    <div data-testid="pulse-inbox">
      <div className="section-title">脉搏调查（匿名）</div>
      <div className="assess-list cols">
        {rounds.map((r) => (
          <PulseCard key={r.roundId} round={r} onAnswered={() => void load()} />
        ))}
      </div>
    </div>
  );
}

function PulseCard({ round, onAnswered }: { round: MyPulseRound; onAnswered: () => void }) {
  const [answers, setAnswers] = useState<Record<string, number | string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const done = round.answered || round.closed;
  const missing = round.questions.filter((q) => q.measure !== 'comment' && answers[q.id] === undefined).length;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await answerPulse(round.roundId, answers);
      onAnswered();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card assess-task" data-testid={`pulse-round-${round.roundId}`}>
      <div className="assess-task-head">
        <span className="assess-task-title">{round.title}</span>
        <Tag color={round.answered ? 'success' : round.closed ? 'default' : 'primary'}>{round.answered ? '已提交' : round.closed ? '已截止' : '待作答'}</Tag>
      </div>
      <div className="assess-meta">{zh`截止 ${round.dueOn} · 约 1 分钟`}</div>
      <div className="pulse-anon">匿名：答案与姓名分开保存，谁答了什么无从查起；团队作答满 5 人才显示汇总结果，意见原文也只在满 5 人时显示。</div>
      {round.answered && <div className="assess-meta">已匿名提交，谢谢你的反馈。每轮只能作答一次。</div>}
      {!done &&
        round.questions.map((q, i) => (
          <PulseQuestionInput key={q.id} n={i + 1} q={q} value={answers[q.id]} onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))} />
        ))}
      {error && <div className="inline-error">{error}</div>}
      {!done && (
        <Button color="primary" block loading={busy} disabled={missing > 0} onClick={() => void submit()} data-testid="pulse-submit">
          {missing > 0 ? zh`还有 ${missing} 题未答` : '匿名提交'}
        </Button>
      )}
    </section>
  );
}

function PulseQuestionInput({
  n,
  q,
  value,
  onChange,
}: {
  n: number;
  q: PulseQuestion;
  value: number | string | undefined;
  onChange: (v: number | string) => void;
}) {
  const values = q.measure === 'enps' ? Array.from({ length: 11 }, (_, i) => i) : [1, 2, 3, 4, 5];
  return (
    <div data-testid={`pulse-q-${q.id}`} style={{ margin: '12px 0' }}>
      <div className="assess-item-text">{zh`${n}. ${q.text}`}</div>
      {q.measure === 'comment' ? (
        <textarea
          className="assess-textarea"
          maxLength={500}
          value={typeof value === 'string' ? value : ''}
          placeholder="选填，最多 500 字"
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <>
          <div className={`pulse-scale${q.measure === 'enps' ? '' : ' five'}`}>
            {values.map((v) => (
              <button
                key={v}
                type="button"
                className={`assess-option${value === v ? ' chosen' : ''}`}
                aria-label={q.measure === 'enps' ? String(v) : PULSE_SCALE_LABELS[v - 1]}
                onClick={() => onChange(v)}
              >
                {v}
              </button>
            ))}
          </div>
          <div className="assess-likert-ends">
            <span>{q.measure === 'enps' ? '0 完全不可能' : PULSE_SCALE_LABELS[0]}</span>
            <span>{q.measure === 'enps' ? '10 非常可能' : PULSE_SCALE_LABELS[4]}</span>
          </div>
        </>
      )}
    </div>
  );
}
