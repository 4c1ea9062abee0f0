import { expect, test as base, type Locator, type Page } from '@playwright/test';

/** One `<sandpit-python>` on a page, through the test ids it shares with the scratch pad. */
export class Widget {
  readonly status: Locator;
  readonly output: Locator;
  readonly runButton: Locator;
  readonly check: Locator;

  constructor(readonly element: Locator) {
    this.status = element.getByTestId('status');
    this.output = element.getByTestId('output');
    this.runButton = element.getByTestId('run');
    this.check = element.getByTestId('check');
  }

  async runs(): Promise<number> {
    return Number((await this.status.getAttribute('data-runs')) ?? '0');
  }

  /** Clicks Run; returns a function that waits for that run to end and gives `data-last-result`. */
  async start(): Promise<() => Promise<string | null>> {
    const before = await this.runs();
    await this.runButton.click();
    return async () => {
      // A run started earlier may have a long time limit left (a minute at most in these tests).
      await expect(this.status).toHaveAttribute('data-runs', String(before + 1), { timeout: 90_000 });
      return this.status.getAttribute('data-last-result');
    };
  }

  async run(): Promise<string | null> {
    return (await this.start())();
  }

  /** Replaces the code through the element's `code` property. */
  async setCode(code: string): Promise<void> {
    await this.element.evaluate(
      (element, value) => ((element as HTMLElement & { code: string }).code = value),
      code,
    );
  }
}

/** Records, in the page, the largest `data-interpreters` any widget's status line ever showed. */
export async function recordMostInterpreters(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const state = { most: 0 };
    (globalThis as unknown as { __mostInterpreters: typeof state }).__mostInterpreters = state;
    const read = () => {
      for (const status of document.querySelectorAll('sandpit-python [data-testid=status]'))
        state.most = Math.max(state.most, Number(status.getAttribute('data-interpreters') ?? 0));
    };
    read();
    new MutationObserver(read).observe(document.body, {
      subtree: true,
      attributes: true,
      attributeFilter: ['data-interpreters'],
    });
  });
  return () =>
    page.evaluate(
      () => (globalThis as unknown as { __mostInterpreters: { most: number } }).__mostInterpreters.most,
    );
}

/** Fails the test on CSP violations and uncaught errors, like the scratch pad's fixture. */
export const test = base.extend<{ widgets: (id: string) => Widget }>({
  widgets: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
        problems.push(`CSP: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await use((id) => new Widget(page.locator(`sandpit-python#${id}`)));
    expect(problems, 'the page logged CSP violations or uncaught errors').toEqual([]);
  },
});

export { expect };
