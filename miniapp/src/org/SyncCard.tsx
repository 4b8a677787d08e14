/**
 * Sync status of one DingTalk source (org, attendance, leave, departures): last successful run, its note
 * (e.g. limited by the metered-call budget), live progress of a running one (polled every second), "立即同步".
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { zh, type SyncKind, type SyncOverview, type SyncRun } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ProgressBar from 'antd-mobile/es/components/progress-bar';
import Skeleton from 'antd-mobile/es/components/skeleton';
import Tag from 'antd-mobile/es/components/tag';
import Toast from 'antd-mobile/es/components/toast';
import { ApiError, errorMessage } from '../api/client';
import { getSyncOverview, startSync } from '../api/endpoints';
import { formatCount, formatDateTime, formatRelative } from '../util/format';
import {
  isSyncActive,
  progressLabel,
  SYNC_STATUS_LABELS,
  SYNC_TRIGGER_LABELS,
  syncDetail,
  syncKindLabels,
  syncPercent,
  syncStats,
  syncTestIds,
} from './syncStatus';

const POLL_MS = 1000;

export interface SyncCardProps {
  /** Which source; `org` (the default) keeps the org page's original test ids. */
  kind?: SyncKind;
  /** Called when a run this card watched finishes successfully (e.g. the tree should reload). */
  onSynced?(run: SyncRun): void;
  /** Called when a run this card watched ends, successfully or not. */
  onEnded?(run: SyncRun): void;
}

export function SyncCard({ kind = 'org', onSynced, onEnded }: SyncCardProps) {
  const labels = syncKindLabels(kind);
  const ids = syncTestIds(kind);
  const [overview, setOverview] = useState<SyncOverview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  /** The run this page watched until it ended (kept in case the server no longer reports it as `current`). */
  const [ended, setEnded] = useState<SyncRun | null>(null);
  const active = isSyncActive(overview?.current);
  const activeRunId = active ? overview?.current?.id : undefined;
  const callbacks = useRef({ onSynced, onEnded });
  callbacks.current = { onSynced, onEnded };

  const load = useCallback(async () => {
    try {
      setOverview(await getSyncOverview(kind));
      setLoadError(null);
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  }, [kind]);

  useEffect(() => {
    void load();
  }, [load]);

  // Poll while a run is queued/running; stop when it ends or the page unmounts.
  useEffect(() => {
    if (activeRunId === undefined) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const next = await getSyncOverview(kind);
        if (stopped) return;
        setOverview(next);
        setLoadError(null);
        // The finished run may come back as `current` or (if the server clears it) only as `lastSucceeded`.
        const run = next.current?.id === activeRunId ? next.current : next.lastSucceeded?.id === activeRunId ? next.lastSucceeded : null;
        if (run && !isSyncActive(run)) {
          setEnded(run);
          if (run.status === 'succeeded') {
            Toast.show({ icon: 'success', content: kind === 'org' ? '同步完成' : zh`${labels.title}完成` });
            callbacks.current.onSynced?.(run);
          } else {
            Toast.show({ icon: 'fail', content: kind === 'org' ? '同步失败' : zh`${labels.title}失败` });
          }
          callbacks.current.onEnded?.(run);
          return;
        }
        if (isSyncActive(next.current)) timer = setTimeout(() => void tick(), POLL_MS);
      } catch (err) {
        if (stopped) return;
        setLoadError(errorMessage(err));
        timer = setTimeout(() => void tick(), POLL_MS * 3);
      }
    };
    timer = setTimeout(() => void tick(), POLL_MS);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [activeRunId, kind, labels.title]);

  const syncNow = async () => {
    setStarting(true);
    try {
      const run = await startSync(kind);
      setOverview((o) => ({ current: run, lastSucceeded: o?.lastSucceeded ?? null }));
    } catch (err) {
      if (err instanceof ApiError && err.id === 'sync_already_running') {
        Toast.show({ content: '已有同步在进行中' });
        await load();
      } else {
        Toast.show({ icon: 'fail', content: errorMessage(err) });
      }
    } finally {
      setStarting(false);
    }
  };

  const current = overview?.current ?? null;
  const last = overview?.lastSucceeded ?? null;
  const failed = current?.status === 'failed' ? current : !active && ended?.status === 'failed' ? ended : null;
  const stats = last ? syncStats(kind, last) : [];

  return (
    <section className="card sync-card" data-testid={ids.card}>
      <div className="card-head">
        <h2>{labels.title}</h2>
        {current && (
          <Tag color={statusColor(current)} fill="outline" data-testid={ids.state}>
            {SYNC_STATUS_LABELS[current.status]}
          </Tag>
        )}
      </div>

      {overview === null && !loadError && <Skeleton.Paragraph lineCount={3} animated />}
      {loadError && (
        <div className="inline-error" role="alert" data-testid={ids.loadError}>
          {loadError}
        </div>
      )}

      {overview && (
        <>
          {last ? (
            <div className="sync-last" data-testid={ids.last}>
              <div className="sync-time">
                <span>
                  上次成功同步 <strong>{formatDateTime(last.finishedAt)}</strong>
                </span>
                <span className="muted small">
                  {formatRelative(last.finishedAt)} · {SYNC_TRIGGER_LABELS[last.trigger] ?? last.trigger}
                </span>
              </div>
              <div className={`stat-grid stat-grid-${stats.length}`}>
                {stats.map((s) => (
                  <Stat key={s.id} label={s.label} value={s.value} testId={ids.stat(s.id)} />
                ))}
              </div>
              <div className="muted small" data-testid={ids.stat('detail')}>
                {syncDetail(last)}
              </div>
              {last.note && (
                <div className="inline-note" role="note" data-testid={ids.note}>
                  <span className="inline-note-icon" aria-hidden>
                    !
                  </span>
                  <span>{last.note}</span>
                </div>
              )}
            </div>
          ) : (
            <div className="empty-text" data-testid={ids.never}>
              {/* "Click 立即同步" would be wrong while the first run is already under way. */}
              {active ? '第一次同步进行中，完成后这里显示读到的记录数。' : labels.neverText}
            </div>
          )}

          {current && active && (
            <div className="sync-progress" data-testid={ids.progress}>
              <div className="sync-progress-label">
                <span>{progressLabel(current)}</span>
                {current.progressTotal > 0 && (
                  <span className="muted">
                    {formatCount(current.progressDone)} / {formatCount(current.progressTotal)}
                  </span>
                )}
              </div>
              <ProgressBar percent={syncPercent(current)} text rounded />
              {current.phase === 'retrying' && current.error && <div className="muted small sync-retry-reason">上次尝试：{current.error}</div>}
            </div>
          )}

          {failed && (
            <div className="inline-error" role="alert" data-testid={ids.error}>
              <strong>最近一次同步失败</strong>（{formatDateTime(failed.finishedAt ?? failed.startedAt)}）：{failed.error || '未知错误'}
            </div>
          )}
        </>
      )}

      <Button
        block
        color="primary"
        loading={starting || active}
        loadingText={active ? '同步中' : '正在启动'}
        disabled={starting || active || (overview === null && !loadError)}
        onClick={() => void syncNow()}
        data-testid={ids.now}
      >
        立即同步
      </Button>
    </section>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="stat" data-testid={testId}>
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}

function statusColor(run: SyncRun): string {
  if (run.status === 'failed') return 'danger';
  if (run.status === 'succeeded') return 'success';
  return 'primary';
}
