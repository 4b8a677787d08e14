import fs from 'node:fs';
import path from 'node:path';
import type { Middleware } from 'koa';
import type { AppState } from '../appTypes';
import { repoRoot } from '../util/repoRoot';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Where `npm run build` puts the micro-app. */
export const miniappDist = () => path.join(repoRoot(), 'miniapp', 'dist');

/**
 * Serve the built micro-app under /app/: hashed assets cached for a year, everything else falls back to
 * index.html (the app routes by hash). `/` redirects to /app/ keeping the query (DingTalk puts corpId there).
 */
export function serveMiniapp(dist = miniappDist()): Middleware<AppState> {
  const root = path.resolve(dist);
  return async (ctx, next) => {
    if (ctx.path === '/' && (ctx.method === 'GET' || ctx.method === 'HEAD')) {
      ctx.redirect(`/app/${ctx.querystring ? `?${ctx.querystring}` : ''}`);
      return;
    }
    if (!ctx.path.startsWith('/app') || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    if (ctx.path === '/app') {
      ctx.redirect(`/app/${ctx.querystring ? `?${ctx.querystring}` : ''}`);
      return;
    }
    const rel = decodeURIComponent(ctx.path.slice('/app/'.length));
    let file = path.resolve(root, rel || 'index.html');
    if (!file.startsWith(root + path.sep)) {
      ctx.status = 404;
      return;
    }
    const isAsset = rel.startsWith('assets/');
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      if (isAsset) {
        ctx.status = 404;
        ctx.body = 'not found';
        return;
      }
      file = path.join(root, 'index.html');
      if (!fs.existsSync(file)) {
        ctx.status = 503;
        ctx.type = 'text/plain; charset=utf-8';
        ctx.body = '留才前端尚未构建：请先运行 npm run build';
        return;
      }
    }
    ctx.type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    ctx.set('Cache-Control', isAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
    ctx.body = fs.createReadStream(file);
  };
}
