/**
 * A page's or card's one load: loading → ready with the data, or error with the message (shown by RetryCard), and
 * `reload` to fetch again (after a save, or from the retry button). `fetch` is read through a ref, so a new closure
 * each render does not refetch; pass `deps` for what should.
 */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { errorMessage } from '../api/client';

export type Loaded<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

export function useLoaded<T>(fetch: () => Promise<T>, deps: DependencyList = []): { state: Loaded<T>; reload: (opts?: { quiet?: boolean }) => Promise<void> } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;
  const reload = useCallback(async (opts: { quiet?: boolean } = {}) => {
    if (!opts.quiet) setState({ status: 'loading' });
    try {
      setState({ status: 'ready', data: await fetchRef.current() });
    } catch (err) {
      setState({ status: 'error', message: errorMessage(err) });
    }
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { state, reload };
}
