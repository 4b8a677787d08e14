/** Org sync status: last successful run, live progress of a running one (polled every second), "立即同步". */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncOverview, SyncRun } from '@liucai/shared';
import Button from 'antd-mobile/es/components/button';
import ProgressBar from 'antd-mobile/es/components/progress-bar';
import Skeleton from 'antd-mobile/es/components/skeleton';
import Tag from 'antd-mobile/es/components/tag';
import Toast from 'antd-mobile/es/components/toast';
import { ApiError, errorMessage } from '../api/client';
import { getSyncOverview, startOrgSync } from '../api/endpoints';
import { formatDateTime, formatDuration, formatRelative } from '../util/format';
import { isSyncActive, phaseLabel, SYNC_STATUS_LABELS, SYNC_TRIGGER_LABELS, syncPercent } from './syncStatus';

const POLL_MS = 1000;

export interface SyncCardProps {
  /** Called when a run finishes successfully (the tree should reload). */
  onSynced(run: SyncRun): void;
}

export function SyncCard({ onSynced }: SyncCardProps) {
  const [overview, setOverview] = useState<SyncOverview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  /** The run this page watched until it ended (kept in case the server no longer reports it as `current`). */
  const [ended, setEnded] = useState<SyncRun | null>(null);
  const active = isSyncActive(overview?.current);
  const activeRunId = active ? overview?.current?.id : undefined;
  const onSyncedRef = useRef(onSynced);
  onSyncedRef.current = onSynced;

  const load = useCallback(async () => {
    try {
      setOverview(await getSyncOverview());
      setLoadError(null);
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  }, []);

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
        const next = await getSyncOverview();
        if (stopped) return;
        setOverview(next);
        setLoadError(null);
        // The finished run may come back as `current` or (if the server clears it) only as `lastSucceeded`.
        const run = next.current?.id === activeRunId ? next.current : next.lastSucceeded?.id === activeRunId ? next.lastSucceeded : null;
        if (run && !isSyncActive(run)) {
          setEnded(run);
          if (run.status === 'succeeded') {
            Toast.show({ icon: 'success', content: '同步完成' });
            onSyncedRef.current(run);
          } else {
            Toast.show({ icon: 'fail', content: '同步失败' });
          }
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
  }, [activeRunId]);

  const syncNow = async () => {
    setStarting(true);
    try {
      const run = await startOrgSync();
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

  return (
    <section className="card sync-card" data-testid="sync-status">
      <div className="card-head">
        <h2>组织同步</h2>
        {current && (
          <Tag color={statusColor(current)} fill="outline" data-testid="sync-state">
            {SYNC_STATUS_LABELS[current.status]}
          </Tag>
        )}
      </div>

      {overview === null && !loadError && <Skeleton.Paragraph lineCount={3} animated />}
      {loadError && (
        <div className="inline-error" role="alert" data-testid="sync-load-error">
          {loadError}
        </div>
      )}

      {overview && (
        <>
          {last ? (
            <div className="sync-last" data-testid="sync-last">
              <div className="sync-time">
                <span>
                  上次成功同步 <strong>{formatDateTime(last.finishedAt)}</strong>
                </span>
                <span className="muted small">
                  {formatRelative(last.finishedAt)} · {SYNC_TRIGGER_LABELS[last.trigger] ?? last.trigger}
                </span>
              </div>
              <div className="stat-grid">
                <Stat label="部门" value={last.counts.departments} />
                <Stat label="人员" value={last.counts.users} />
                <Stat label="离职" value={last.counts.left} />
                <Stat label="主管关系" value={last.counts.supervisors} />
              </div>
              <div className="muted small">
                调用钉钉接口 {last.apiCalls} 次 · 耗时 {formatDuration(last.durationMs)}
              </div>
            </div>
          ) : (
            <div className="empty-text" data-testid="sync-never">
              还没有成功同步过。点击「立即同步」从钉钉通讯录拉取部门与人员。
            </div>
          )}

          {current && active && (
            <div className="sync-progress" data-testid="sync-progress">
              <div className="sync-progress-label">
                <span>{current.status === 'queued' ? '排队等待中…' : `${phaseLabel(current.phase)}…`}</span>
                {current.progressTotal > 0 && (
                  <span className="muted">
                    {current.progressDone} / {current.progressTotal}
                  </span>
                )}
              </div>
              <ProgressBar percent={syncPercent(current)} text rounded />
            </div>
          )}

          {failed && (
            <div className="inline-error" role="alert" data-testid="sync-error">
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
        data-testid="sync-now"
      >
        立即同步
      </Button>
    </section>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="stat">
      <div className="stat-value">{value.toLocaleString('zh-CN')}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}

function statusColor(run: SyncRun): string {
  if (run.status === 'failed') return 'danger';
  if (run.status === 'succeeded') return 'success';
  return 'primary';
}
