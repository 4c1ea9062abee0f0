/**
 * The HTTP headers every Sandpit page, script and asset is served with. One definition, used by the dev
 * server, `vite preview`, the generated `_headers` file for static hosts and the docs, so the policies can't
 * drift apart.
 *
 * - COOP + COEP make the page cross-origin isolated, which is what unlocks SharedArrayBuffer (interrupts,
 *   input(), output back-pressure).
 * - The CSP forbids `eval`/`Function` everywhere ('wasm-unsafe-eval' is what Pyodide's WebAssembly needs,
 *   nothing more), forbids inline scripts, and limits connections to our own origin.
 */

export interface CspOptions {
  /** Extra `connect-src` sources (the dev server's HMR socket). */
  extraConnectSrc?: readonly string[];
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const connectSrc = ["'self'", ...(options.extraConnectSrc ?? [])].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    `connect-src ${connectSrc}`,
    // Monaco positions its widgets with inline style attributes and injects <style> elements.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

export function securityHeaders(options: CspOptions = {}): Record<string, string> {
  return {
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), payment=()',
  };
}

/** The same headers in the `_headers` format understood by Netlify and Cloudflare Pages. */
export function headersFile(options: CspOptions = {}): string {
  const lines = Object.entries(securityHeaders(options)).map(([name, value]) => `  ${name}: ${value}`);
  return ['/*', ...lines, ''].join('\n');
}
