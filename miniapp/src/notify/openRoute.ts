/** Open a notification's route (`/data` or `/data?x=1`) inside the micro-app. */
import { navigate } from '../router/hashRoute';

export function splitRoute(route: string): { path: string; query: Record<string, string> } {
  const [path = '/', qs = ''] = route.split('?');
  return { path, query: Object.fromEntries(new URLSearchParams(qs)) };
}

export function openRoute(route: string): void {
  const { path, query } = splitRoute(route);
  navigate(path, { query });
}
