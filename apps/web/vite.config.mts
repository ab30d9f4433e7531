// Vite config for the web app: builds into dist/apps/web (served by the API) and, in dev,
// proxies the API's endpoints so the app stays same-origin (cookie session, CSRF rules).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../..', import.meta.url));
// The API the dev server proxies to; CONCORD_API_URL points it elsewhere (another port, a mock).
const api = process.env.CONCORD_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    alias: {
      '@concord/shared': `${repo}libs/shared/src/index.ts`,
      '@concord/editor-schema': `${repo}libs/editor-schema/src/index.ts`,
      '@concord/nhs-lens': `${repo}libs/nhs-lens/src/index.ts`,
    },
  },
  build: {
    outDir: `${repo}dist/apps/web`,
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        // The first three hold only what the first screen needs ('$initial': statically reachable from
        // the entry); the parts of them only lazily loaded pages use (Mantine's NumberInput, MultiSelect,
        // react-number-format…) go with those pages. Without the tag every Mantine component of every
        // page was preloaded by index.html.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, tags: ['$initial'] },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/, tags: ['$initial'] },
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism)[\\/]/, tags: ['$initial'] },
            // Only the lazily loaded draft routes import these, so they are fetched when a draft opens.
            { name: 'tiptap', test: /node_modules[\\/](@tiptap|prosemirror-[a-z-]+|linkifyjs|orderedmap|rope-sequence|w3c-keyname)[\\/]/ },
            { name: 'yjs', test: /node_modules[\\/](yjs|y-[a-z]+|lib0)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 4200,
    strictPort: true,
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: false },
      '/collab': { target: api, ws: true, changeOrigin: false },
      '/healthz': { target: api },
    },
  },
  preview: { port: 4300 },
});
