/** 导入 (HR/admin): bring history in from Excel/CSV — pick a kind, fill a template, dry-run, commit, see recent imports. */
import { useCallback, useEffect, useState } from 'react';
import type { ImportKind, ImportKindInfo, ImportRun } from '@liucai/shared';
import Toast from 'antd-mobile/es/components/toast';
import { errorMessage } from '../api/client';
import { getImportKinds, listImportRuns } from '../api/endpoints';
import { PageLayout } from '../components/PageLayout';
import { IMPORT_KIND_LABELS } from '../imports/importDisplay';
import { KindCard } from '../imports/KindCard';
import { RecentImports } from '../imports/RecentImports';
import { UploadCard } from '../imports/UploadCard';
import { useImportFlow } from '../imports/useImportFlow';
import { useSession } from '../session/SessionContext';

const RUNS_POLL_MS = 2000;
const STALE_MS = 6 * 3600 * 1000;

type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

export default function ImportsPage() {
  const { me } = useSession();
  const [kind, setKind] = useState<ImportKind>('deals');
  const [kinds, setKinds] = useState<Loaded<ImportKindInfo[]>>({ status: 'loading' });
  const [runs, setRuns] = useState<Loaded<ImportRun[]>>({ status: 'loading' });

  const loadKinds = useCallback(async () => {
    try {
      setKinds({ status: 'ready', value: await getImportKinds() });
    } catch (err) {
      setKinds({ status: 'error', message: errorMessage(err) });
    }
  }, []);
  /** `quiet` keeps the list shown while it reloads (after an import). */
  const loadRuns = useCallback(async (quiet = false) => {
    if (!quiet) setRuns({ status: 'loading' });
    try {
      setRuns({ status: 'ready', value: await listImportRuns() });
    } catch (err) {
      const message = errorMessage(err);
      setRuns((s) => (quiet && s.status === 'ready' ? s : { status: 'error', message }));
    }
  }, []);
  useEffect(() => {
    void loadKinds();
    void loadRuns();
  }, [loadKinds, loadRuns]);

  const flow = useImportFlow(kind, me.userid, (run) => {
    if (run?.status === 'succeeded') Toast.show({ icon: 'success', content: '导入完成' });
    else Toast.show({ icon: 'fail', content: '导入失败' });
    void loadRuns(true);
  });

  // Leaving mid-commit would hide the outcome (the import itself carries on): ask first.
  const committing = flow.step.status === 'committing';
  useEffect(() => {
    if (!committing) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [committing]);

  // An import under way (another tab, a colleague): keep its line moving. A run left 'running' by a crashed
  // process long ago is not worth polling for.
  const someoneImporting =
    runs.status === 'ready' &&
    runs.value.some((r) => (r.status === 'running' || r.status === 'queued') && Date.now() - new Date(r.createdAt).getTime() < STALE_MS);
  useEffect(() => {
    if (!someoneImporting) return;
    const timer = setInterval(() => void loadRuns(true), RUNS_POLL_MS);
    return () => clearInterval(timer);
  }, [someoneImporting, loadRuns]);

  const info = kinds.status === 'ready' ? (kinds.value.find((k) => k.kind === kind) ?? null) : null;
  return (
    <PageLayout title="导入" testId="imports-page">
      <KindCard kind={kind} onChange={setKind} info={info} infoError={kinds.status === 'error' ? kinds.message : null} disabled={flow.busy} />
      <UploadCard flow={flow} kindLabel={IMPORT_KIND_LABELS[kind]} />
      <RecentImports runs={runs.status === 'ready' ? runs.value : null} error={runs.status === 'error' ? runs.message : null} onRetry={() => void loadRuns()} />
    </PageLayout>
  );
}
