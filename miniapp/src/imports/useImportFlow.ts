/**
 * The import of one file, step by step: checked in the browser, dry-run on the server (nothing written), then
 * committed while the run's progress is polled from the runs list, until the commit answers with the result.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportDryRun, ImportKind, ImportRun } from '@liucai/shared';
import { errorMessage } from '../api/client';
import { listImportRuns, uploadImport } from '../api/endpoints';
import { checkImportFile } from './importDisplay';

/** How often a running commit's progress is read. */
const POLL_MS = 500;

/** A file chosen and accepted by the browser's checks. */
export interface ChosenFile {
  file: File;
  contentType: string;
}

export type ImportStep =
  | { status: 'idle' }
  | { status: 'invalid'; name: string; size: number; message: string }
  | ({ status: 'checking' } & ChosenFile)
  | ({ status: 'checkFailed'; message: string } & ChosenFile)
  | ({ status: 'checked'; dry: ImportDryRun } & ChosenFile)
  | ({ status: 'committing'; dry: ImportDryRun; run: ImportRun | null } & ChosenFile)
  | ({ status: 'done'; dry: ImportDryRun; run: ImportRun } & ChosenFile)
  | ({ status: 'commitFailed'; dry: ImportDryRun; message: string; run: ImportRun | null } & ChosenFile);

export interface ImportFlow {
  step: ImportStep;
  /** A file was picked: check it, then dry-run it as `kind`. */
  choose(file: File): void;
  /** Commit the dry-run file. */
  commit(): void;
  /** Back to choosing a file. */
  reset(): void;
  busy: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The import flow for `kind`; a change of kind re-checks the chosen file. `onRun` is called when a commit ends. */
export function useImportFlow(kind: ImportKind, userid: string, onRun: (run: ImportRun | null) => void): ImportFlow {
  const [step, setStep] = useState<ImportStep>({ status: 'idle' });
  /** Bumped whenever what is shown changes owner (new file, new kind, reset, unmount): late answers are dropped. */
  const seq = useRef(0);
  const onRunRef = useRef(onRun);
  onRunRef.current = onRun;

  const dryRun = useCallback(async (k: ImportKind, chosen: ChosenFile) => {
    const token = ++seq.current;
    setStep({ status: 'checking', ...chosen });
    try {
      const dry = await uploadImport(k, 'dry-run', chosen.file, chosen.contentType);
      if (seq.current === token) setStep({ status: 'checked', dry, ...chosen });
    } catch (err) {
      if (seq.current === token) setStep({ status: 'checkFailed', message: errorMessage(err), ...chosen });
    }
  }, []);

  const choose = useCallback(
    (file: File) => {
      const check = checkImportFile(file);
      if (!check.ok) {
        seq.current++;
        setStep({ status: 'invalid', name: file.name, size: file.size, message: check.message });
        return;
      }
      void dryRun(kind, { file, contentType: check.contentType });
    },
    [kind, dryRun],
  );

  // Another kind: the same file means something else, so check it again.
  const stepRef = useRef(step);
  stepRef.current = step;
  const lastKind = useRef(kind);
  useEffect(() => {
    if (lastKind.current === kind) return;
    lastKind.current = kind;
    const s = stepRef.current;
    if (s.status === 'checking' || s.status === 'checkFailed' || s.status === 'checked') void dryRun(kind, { file: s.file, contentType: s.contentType });
    else if (s.status !== 'committing') {
      seq.current++;
      setStep({ status: 'idle' });
    }
  }, [kind, dryRun]);

  useEffect(
    () => () => {
      seq.current++;
    },
    [],
  );

  const commit = useCallback(() => {
    const s = stepRef.current;
    if (s.status !== 'checked') return;
    const { file, contentType, dry } = s;
    const token = ++seq.current;
    setStep({ status: 'committing', file, contentType, dry, run: null });
    void (async () => {
      // Runs already listed are not this one: the new run has a larger id.
      let before = 0;
      try {
        before = Math.max(0, ...(await listImportRuns(kind)).map((r) => r.id));
      } catch {
        // Without the list, the run is still told apart by being unfinished, ours and of this file.
      }
      let finished = false;
      const poll = async () => {
        while (!finished && seq.current === token) {
          await sleep(POLL_MS);
          if (finished || seq.current !== token) return;
          try {
            const run = (await listImportRuns(kind)).find(
              (r) => r.id > before && r.createdBy === userid && r.fileName === file.name && (r.status === 'running' || r.status === 'queued'),
            );
            if (run && !finished && seq.current === token) setStep((cur) => (cur.status === 'committing' ? { ...cur, run } : cur));
          } catch {
            // A missed poll only delays the bar; the commit's own answer decides the outcome.
          }
        }
      };
      void poll();
      try {
        const run = await uploadImport(kind, 'commit', file, contentType);
        finished = true;
        if (seq.current === token) setStep({ status: 'done', file, contentType, dry, run });
        onRunRef.current(run);
      } catch (err) {
        finished = true;
        if (seq.current === token)
          setStep((cur) => ({ status: 'commitFailed', file, contentType, dry, message: errorMessage(err), run: cur.status === 'committing' ? cur.run : null }));
        onRunRef.current(null);
      }
    })();
  }, [kind, userid]);

  const reset = useCallback(() => {
    seq.current++;
    setStep({ status: 'idle' });
  }, []);

  return { step, choose, commit, reset, busy: step.status === 'checking' || step.status === 'committing' };
}
