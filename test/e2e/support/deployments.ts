/**
 * The three deployments of one build that the `deploy-*` Playwright projects drive (playwright.config.ts):
 * - `isolated`: our own headers, cross-origin isolated (`vite preview`);
 * - `headerless`: a static host that sends no headers at all, on a secure origin (localhost), before any
 *   service worker: JSPI mode in Chromium;
 * - `insecure`: `serve:lan` (our headers) over plain http to a host name other than localhost, which
 *   Chromium treats as insecure even though it resolves to loopback: JSPI mode.
 */
export type Deployment = 'isolated' | 'headerless' | 'insecure';

export const DEPLOYMENT_PORTS: Record<Deployment, number> = {
  isolated: 4173,
  headerless: 4174,
  insecure: 4175,
};

/** The host name the insecure deployment is reached by; Chromium maps it to 127.0.0.1. */
export const CLASSROOM_HOST = 'classroom.test';

export function deploymentOf(projectName: string): Deployment {
  const name = projectName.replace(/^deploy-/, '');
  if (name === 'isolated' || name === 'headerless' || name === 'insecure') return name;
  throw new Error(`[sandpit] ${projectName} is not a deploy-* project`);
}
