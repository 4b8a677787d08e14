import { useEffect } from 'react';
import { navigate } from '../router/hashRoute';
import { PageLoading } from './PageLoading';

/** Replaces the current route with `to` after render (a redirect must not navigate during render). */
export function Redirect({ to, query }: { to: string; query?: Record<string, string | undefined> }) {
  const key = JSON.stringify(query ?? {});
  useEffect(() => {
    navigate(to, { replace: true, query: JSON.parse(key) as Record<string, string | undefined> });
  }, [to, key]);
  return <PageLoading />;
}
