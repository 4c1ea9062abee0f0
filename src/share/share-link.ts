/**
 * Share links: `…/#code=<base64url of the UTF-8 source>`. The code lives in the fragment, so it never
 * reaches a server and works offline.
 */

/** Links longer than this are refused when made, since browsers and chat apps truncate them. */
export const MAX_SHARE_LINK_CODE_CHARS = 64 * 1024;

export function encodeCode(source: string): string {
  const bytes = new TextEncoder().encode(source);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export type DecodeResult =
  { readonly ok: true; readonly code: string } | { readonly ok: false; readonly reason: string };

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function decodeCode(encoded: string): DecodeResult {
  if (!BASE64URL.test(encoded)) {
    return { ok: false, reason: 'it contains characters that are not base64url' };
  }
  if (encoded.length % 4 === 1) {
    return { ok: false, reason: 'it looks truncated (its length is not possible for base64url)' };
  }
  let binary: string;
  try {
    binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return { ok: false, reason: 'it is not valid base64url' };
  }
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  try {
    return { ok: true, code: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'it does not decode to UTF-8 text (it may be truncated)' };
  }
}

/** The `code` parameter of a URL fragment such as `#code=...`, or null when there is none. */
export function codeParameter(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of fragment.split('&')) {
    if (part.startsWith('code=')) return part.slice('code='.length);
  }
  return null;
}

export function shareLink(pageUrl: string, source: string): string {
  const url = new URL(pageUrl);
  url.hash = `code=${encodeCode(source)}`;
  return url.href;
}
