import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
/** The Koa server the dev/preview server proxies /api to (override with LIUCAI_API_URL). */
const apiTarget = process.env.LIUCAI_API_URL ?? 'http://127.0.0.1:3000';

// dingtalk-jsapi is CommonJS only and imported by deep paths; pre-bundle exactly those in dev.
const dingtalkModules = [
  'dingtalk-jsapi/entry/union',
  'dingtalk-jsapi/api/runtime/permission/requestAuthCode',
  'dingtalk-jsapi/api/biz/navigation/setTitle',
  'dingtalk-jsapi/lib/env',
];

export default defineConfig({
  base: '/app/',
  resolve: {
    alias: { '@liucai/shared': here('../shared/src/index.ts') },
    // antd-mobile sits at the workspace root next to a hoisted react@18; force every import onto our React 19.
    dedupe: ['react', 'react-dom'],
  },
  oxc: { jsx: { runtime: 'automatic' } },
  optimizeDeps: { include: ['react', 'react-dom/client', 'react/jsx-runtime', ...dingtalkModules] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    // The lazily loaded ECharts chunk of the talent charts is ~540 KB raw (180 KB gzip); it is never on the critical path.
    chunkSizeWarningLimit: 600,
    target: 'es2020',
    rolldownOptions: {
      // shared/ is pure domain code (no side effects by design): let unused parts (e.g. zod schemas) drop out.
      // (`undefined` keeps the default — package.json `sideEffects` — for everything else.)
      treeshake: { moduleSideEffects: (id: string) => (/[\\/]shared[\\/]src[\\/]/.test(id) ? false : undefined) },
    },
  },
  server: { proxy: { '/api': apiTarget } },
  preview: { proxy: { '/api': apiTarget } },
});
