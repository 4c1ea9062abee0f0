import type { Connect, Plugin } from 'vite';
import { headersFile, securityHeaders } from './security-headers.ts';

function addHeaders(headers: Record<string, string>): Connect.NextHandleFunction {
  return (_req, res, next) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    next();
  };
}

/**
 * Serves every response of `vite` and `vite preview` with Sandpit's security headers, and writes them to
 * `dist/_headers` for static hosts that read that file.
 */
export function securityHeadersPlugin(): Plugin {
  return {
    name: 'sandpit:security-headers',
    configureServer(server) {
      // 'self' covers the HMR websocket in Chromium and Firefox; the explicit ws: source keeps Safari working.
      const port = server.config.server.port ?? 5173;
      server.middlewares.use(addHeaders(securityHeaders({ extraConnectSrc: [`ws://localhost:${port}`] })));
    },
    configurePreviewServer(server) {
      server.middlewares.use(addHeaders(securityHeaders()));
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile() });
    },
  };
}
