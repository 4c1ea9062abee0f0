import { describe, expect, it } from 'vitest';
import {
  inputUnavailableReason,
  pageCapabilities,
  pickInteractionMode,
  type PageCapabilities,
} from '../../src/runtime/interaction-mode';

const page = (overrides: Partial<PageCapabilities>): PageCapabilities => ({
  isolated: false,
  jspi: false,
  secureContext: true,
  origin: 'https://example.org',
  ...overrides,
});

describe('the interaction mode', () => {
  it('is shared memory on an isolated page, whatever else the browser has', () => {
    expect(pickInteractionMode(page({ isolated: true, jspi: true }))).toBe('shared-memory');
    expect(pickInteractionMode(page({ isolated: true }))).toBe('shared-memory');
  });

  it('is JSPI where the page is not isolated but the browser has promise integration', () => {
    expect(pickInteractionMode(page({ jspi: true }))).toBe('jspi');
    expect(pickInteractionMode(page({ jspi: true, secureContext: false }))).toBe('jspi');
  });

  it('is none where neither exists (Safari or Firefox on a page without the headers)', () => {
    expect(pickInteractionMode(page({}))).toBe('none');
  });

  it('reads the capabilities from a global scope', () => {
    const Suspending = function () {};
    const promising = () => {};
    expect(
      pageCapabilities({
        crossOriginIsolated: false,
        isSecureContext: false,
        SharedArrayBuffer: undefined,
        WebAssembly: { Suspending, promising },
        location: { origin: 'http://classroom.test:8080' },
      }),
    ).toEqual({ isolated: false, jspi: true, secureContext: false, origin: 'http://classroom.test:8080' });
    // Isolation without a SharedArrayBuffer constructor is no isolation for us.
    expect(pageCapabilities({ crossOriginIsolated: true, isSecureContext: true }).isolated).toBe(false);
  });
});

describe("the learner's message when input() can't wait", () => {
  it('on an insecure address, says the address is not secure, never blames the headers', () => {
    const text = inputUnavailableReason(page({ secureContext: false, origin: 'http://classroom.test:8080' }));
    expect(text).toContain('(http://classroom.test:8080) is not secure');
    expect(text).toContain('https://');
    expect(text).toContain('http://localhost');
    expect(text).not.toMatch(/header/i);
  });

  it('on a secure page served without the headers, names the headers and who can send them', () => {
    const text = inputUnavailableReason(page({}));
    expect(text).toContain('Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy');
    expect(text).toContain("page's author");
    expect(text).not.toContain('not secure');
  });
});
