import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { pyodideAssetsPlugin } from './tools/vite-plugin-pyodide-assets.ts';
import { securityHeadersPlugin } from './tools/vite-plugin-security-headers.ts';

export default defineConfig({
  // Relative asset URLs: the build works from any folder or subpath (a USB stick, /sandpit/ on a school server).
  base: './',
  plugins: [securityHeadersPlugin(), pyodideAssetsPlugin()],
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
