/** The signed-in user, shared by every page; provided by App. */
import { createContext, useContext } from 'react';
import type { Me } from '@liucai/shared';

export interface SessionValue {
  me: Me;
  /** Re-reads /api/v1/me (e.g. after roles changed). */
  refresh(): Promise<void>;
  /** Ends the session on the server and goes to the sign-in page. */
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

/** The current session; only usable inside signed-in pages. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() used outside a signed-in page');
  return value;
}
