import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFile, securityHeaders } from '../../tools/security-headers';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('security headers', () => {
  const csp = contentSecurityPolicy();

  it('forbid eval and inline scripts, and keep connections on our origin', () => {
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(/script-src[^;]*'unsafe-inline'/.test(csp)).toBe(false);
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("object-src 'none'");
  });

  it('make the page cross-origin isolated', () => {
    const headers = securityHeaders();
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(headers['Cross-Origin-Embedder-Policy']).toBe('require-corp');
  });

  it('are written to _headers for static hosts', () => {
    expect(headersFile()).toContain(`  Content-Security-Policy: ${csp}`);
  });

  it('are documented exactly as the code sends them', () => {
    const docs = readFileSync(path.join(ROOT, 'docs/deployment.md'), 'utf8');
    for (const [name, value] of Object.entries(securityHeaders())) {
      expect(docs, `${name} in docs/deployment.md`).toContain(`${name}: ${value}`);
      expect(docs, `${name} in the nginx example`).toContain(`add_header ${name} "${value}" always;`);
    }
  });
});
