/** Whether the window is wide enough for the PC layout (DingTalk on PC opens the micro-app in a wide window). */
import { useSyncExternalStore } from 'react';

/** From this width the app shows the side navigation and tables; below it, the phone layout. */
export const WIDE_MIN_PX = 1024;
const QUERY = `(min-width: ${WIDE_MIN_PX}px)`;

const media = (): MediaQueryList | null => (typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null);

function subscribe(cb: () => void): () => void {
  const m = media();
  if (!m) return () => undefined;
  m.addEventListener('change', cb);
  return () => m.removeEventListener('change', cb);
}
const snapshot = (): boolean => media()?.matches ?? false;

/** True at ≥ 1024 px; re-renders when the window crosses that width. */
export function useWideScreen(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
