import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { pyodideAssetsPlugin } from './tools/vite-plugin-pyodide-assets.ts';
import { securityHeadersPlugin } from './tools/vite-plugin-security-headers.ts';

export default defineConfig({
  // Relative asset URLs: the build works from any folder or subpath (a USB stick, /sandpit/ on a school server).
  base: './',
  plugins: [
    securityHeadersPlugin(),
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
        // Everything the scratch pad and the widgets need: Pyodide's 9 MiB wasm, the 30 MiB prebuilt memory
        // snapshot (bin) and a teacher's packages included.
        globPatterns: ['**/*.{html,js,mjs,css,svg,png,ttf,wasm,zip,whl,bin,json,webmanifest}'],
        globIgnores: ['_headers'],
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
      },
    }),
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
      },
    },
  },
});
