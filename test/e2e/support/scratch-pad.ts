import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { encodeCode } from '../../../src/share/share-link.ts';

/** The time limit of a test that names none (see `open`). */
export const UNHURRIED_TIME_LIMIT_SECONDS = 60;

/** The scratch pad as the test contract (docs/testing.md) exposes it. */
export class ScratchPadPage {
  readonly status: Locator;
  readonly output: Locator;
  readonly editor: Locator;
  readonly runButton: Locator;
  readonly stopButton: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByTestId('status');
    this.output = page.getByTestId('output');
    this.editor = page.getByTestId('editor');
    this.runButton = page.getByTestId('run');
    this.stopButton = page.getByTestId('stop');
  }

  /** Opens the scratch pad with `code` (through a `#code=` link) and waits until Python is ready. */
  async open(
    options: {
      code?: string;
      timeoutSeconds?: number;
      params?: Record<string, string>;
      waitForReady?: boolean;
    } = {},
  ): Promise<void> {
    const params = new URLSearchParams(options.params);
    // A test that names no limit is not about limits: it gets a minute, not the page's 10 s. Under the
    // whole suite on 2 cores a page once painted nothing for 11 s, and the default limit ended a program
    // of two lines. Tests of limits name theirs.
    if (options.timeoutSeconds !== undefined) params.set('timeout', String(options.timeoutSeconds));
    else if (!params.has('timeout')) params.set('timeout', String(UNHURRIED_TIME_LIMIT_SECONDS));
    const query = params.size > 0 ? `?${params}` : '';
    const hash = options.code === undefined ? '' : `#code=${encodeCode(options.code)}`;
    await this.page.goto(`./${query}${hash}`);
    if (options.waitForReady !== false) await this.waitForState('ready');
  }

  /** Waits until the pool is full: the next run's interpreter and the spare are both loaded. */
  async waitForWarmSpares(count = 2): Promise<void> {
    // A spare may boot from scratch (the page's first from-scratch start-up, for V8's sake): measured at
    // over 30 s with two red-team pages and their spares sharing 2 cores.
    await expect(this.status).toHaveAttribute('data-warm', String(count), { timeout: 120_000 });
  }

  async waitForState(state: 'loading' | 'ready' | 'running'): Promise<void> {
    await expect(this.status).toHaveAttribute('data-state', state);
  }

  async runs(): Promise<number> {
    return Number(await this.status.getAttribute('data-runs'));
  }

  /** Clicks Run and waits for the run to finish; returns `data-last-result`. */
  async run(): Promise<string | null> {
    const before = await this.runs();
    await this.runButton.click();
    return this.waitForRunsToReach(before + 1);
  }

  async waitForRunsToReach(count: number): Promise<string | null> {
    await expect(this.status).toHaveAttribute('data-runs', String(count));
    return this.status.getAttribute('data-last-result');
  }

  /**
   * Replaces the editor's code through a `#code=` link (the public contract), without reloading, and waits
   * until the editor shows `marker` (by default the start of the first line; pass a word the new code
   * alone has when it begins like the code it replaces).
   */
  async setCode(code: string, marker = code.split('\n')[0]?.slice(0, 20) ?? ''): Promise<void> {
    await this.page.evaluate(
      (hash) => {
        location.hash = hash;
      },
      `code=${encodeCode(code)}`,
    );
    await expect(this.page.locator('[data-testid=editor]')).toContainText(marker);
  }

  /** Once Python is ready, runs `code` (see setCode for `marker`) and returns the console's text. */
  async runCode(code: string, marker?: string): Promise<string> {
    await this.waitForState('ready');
    await this.setCode(code, marker);
    await this.run();
    return this.outputText();
  }

  /** Opens the page with `code` the first time, then swaps code in place (faster than reloading). */
  async setCodeOrOpen(first: boolean, code: string): Promise<void> {
    if (first) await this.open({ code });
    else await this.setCode(code);
  }

  /** Waits for Monaco to replace the plain text area. */
  async waitForEditor(): Promise<void> {
    await expect(this.editor).toHaveAttribute('data-ready', 'true');
  }

  /** The code as Monaco shows it (short programs only: Monaco renders just the visible lines). */
  async editorText(): Promise<string> {
    await this.waitForEditor();
    const text = await this.editor.locator('.view-lines').innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  async outputText(): Promise<string> {
    return (await this.output.textContent()) ?? '';
  }
}

/**
 * Every e2e test gets a scratch pad, and fails if the page logged a Content-Security-Policy violation or
 * an uncaught error: those are bugs even when the visible behaviour looks right.
 */
export const test = base.extend<{ pad: ScratchPadPage }>({
  pad: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
        problems.push(`CSP: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await use(new ScratchPadPage(page));
    expect(problems, 'the page logged CSP violations or uncaught errors').toEqual([]);
  },
});

export { expect };
