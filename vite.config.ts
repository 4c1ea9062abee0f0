import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compileHintFor } from './tools/compile-hints.ts';
import { codiconFontPlugin } from './tools/vite-plugin-codicon-font.ts';
import { VitePWA } from 'vite-plugin-pwa';
import { precompressPlugin } from './tools/vite-plugin-precompress.ts';
import { pyodideAssetsPlugin } from './tools/vite-plugin-pyodide-assets.ts';
import { securityHeadersPlugin } from './tools/vite-plugin-security-headers.ts';

export default defineConfig({
  // Relative asset URLs: the build works from any folder or subpath (a USB stick, /sandpit/ on a school server).
  base: './',
  plugins: [
    securityHeadersPlugin(),
    codiconFontPlugin(),
    pyodideAssetsPlugin(),
    // The offline classroom: a service worker precaches the whole build (src/offline/service-worker.ts).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/offline',
      filename: 'service-worker.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Sandpit: Python scratch pad',
        short_name: 'Sandpit',
        description: 'Write and run Python in your browser, offline, in a sandbox.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#fbfbfa',
        theme_color: '#2f6f4f',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      injectManifest: {
        // Everything the scratch pad and the widgets fetch: Pyodide's files as the worker fetches them
        // (the wasm and lock file gzip-compressed, worker/compressed-assets.ts) and a teacher's packages.
        // Not the prebuilt snapshot: the page keeps the snapshot its first interpreter used in a cache of
        // its own (src/runtime/snapshot-store.ts); nor the uncompressed copies nothing fetches.
        globPatterns: [
          '**/*.{html,js,mjs,css,svg,png,ttf,zip,whl,json,webmanifest}',
          'pyodide/*/pyodide.asm.wasm.gz',
          'pyodide/*/pyodide-lock.json.gz',
        ],
        globIgnores: ['_headers', 'pyodide/*/pyodide.asm.wasm', 'pyodide/*/pyodide-lock.json'],
        // Content-addressed names (Vite's assets, Pyodide's hashed folder) need no revision: the service
        // worker may then reuse what the page already downloaded (src/offline/service-worker.ts).
        dontCacheBustURLsMatching: /^(assets\/|pyodide\/[0-9a-f]{16}\/)/,
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
      },
    }),
    // `.br`/`.gz` copies of the text files, and `vite preview` sending them (tools/precompress.ts).
    precompressPlugin(),
  ],
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  worker: { format: 'es' },
  optimizeDeps: {
    // Pyodide locates its runtime files relative to its own URL; pre-bundling would move it.
    exclude: ['pyodide'],
  },
  build: {
    target: 'es2022',
    // Pyodide's wasm and stdlib are big by nature; they are copied, not bundled.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        embed: fileURLToPath(new URL('./embed.html', import.meta.url)),
        'sandpit-embed': fileURLToPath(new URL('./src/embed/sandpit-embed.ts', import.meta.url)),
      },
      // The embedding script is a public module: keep its exports (the JavaScript API).
      preserveEntrySignatures: 'exports-only',
      output: {
        // Authors include the embedding script by name, so that name must not change between builds.
        entryFileNames: (chunk) =>
          chunk.name === 'sandpit-embed' ? 'sandpit-embed.js' : 'assets/[name]-[hash].js',
        // The editor's chunks ask V8 to compile them eagerly, off the main thread (tools/compile-hints.ts).
        postBanner: compileHintFor,
      },
    },
  },
});
