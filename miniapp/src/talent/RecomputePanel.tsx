/**
 * 人才盘点 → 重新计算 (HR, admins): start recomputing the last complete month's portraits and match scores now
 * instead of waiting for the night, and follow it on a progress bar (the run is polled every second). A corp has
 * one recompute at a time: pressing again while one runs follows that one. People whose inputs did not change keep
 * their rows; the summary says how many were rewritten. `onFinished` reloads the review.
 */
import { useEffect, useRef, useState } from 'react';
import { zh, type TalentRecomputeRunView } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ProgressBar from 'antd-mobile/es/components/progress-bar';
import { errorMessage } from '../api/client';
import { getTalentRecompute, startTalentRecompute } from '../api/talentEndpoints';

const POLL_MS = 1000;
const active = (run: TalentRecomputeRunView | null) => run !== null && (run.state === 'queued' || run.state === 'running');

function progressText(run: TalentRecomputeRunView): string {
  if (run.state === 'queued') return '排队中…';
  if (run.state === 'running') return run.total > 0 && run.done >= run.total ? '写入结果中…' : zh`已计算 ${run.done} / ${run.total} 人`;
  if (run.state === 'failed') return zh`计算失败：${run.error ?? '未知原因'}`;
  return zh`已完成：改写 ${run.written ?? 0} 人，${run.skipped ?? 0} 人数据没有变化、保持原结果`;
}

export function RecomputePanel({ onFinished }: { onFinished(): void }) {
  const [run, setRun] = useState<TalentRecomputeRunView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    if (!run || !active(run)) return;
    const timer = setTimeout(() => {
      getTalentRecompute(run.id).then(
        (next) => {
          setRun(next);
          if (next.state === 'succeeded') finished.current();
        },
        (err: unknown) => setError(errorMessage(err)),
      );
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [run]);

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      setRun(await startTalentRecompute());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setStarting(false);
    }
  };

  return (
    <section className="card recompute-panel" data-testid="recompute-panel">
      <div className="recompute-head">
        <div>
          <div className="recompute-title">重新计算画像和匹配度</div>
          <div className="muted small">每晚同步后自动计算；数据刚导入或刚修改时可以立即重算上个完整月份，数据没有变化的人保持原结果</div>
        </div>
        <Button
          size="small"
          color="primary"
          loading={starting || active(run)}
          disabled={active(run)}
          onClick={() => void start()}
          data-testid="recompute-start"
        >
          重新计算
        </Button>
      </div>
      {run && (
        <div className="recompute-progress" data-testid="recompute-progress" data-state={run.state}>
          <ProgressBar percent={run.percent} text rounded style={run.state === 'failed' ? { '--fill-color': '#f53f3f' } : undefined} />
          <div className={run.state === 'failed' ? 'inline-error small' : 'muted small'} data-testid="recompute-status">
            {run.period}：{progressText(run)}
          </div>
        </div>
      )}
      {error && (
        <div className="inline-error small" data-testid="recompute-error">
          重新计算失败：{error}
        </div>
      )}
    </section>
  );
}
