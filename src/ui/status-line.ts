import type { RunStatus } from '../wire/protocol';
import type { SandboxState } from '../runtime/sandbox';

/**
 * The status line and its test contract: `data-state` (loading | ready | running), `data-last-result`
 * (set when a run ends) and `data-runs` (runs finished since the page loaded, incremented after
 * `data-last-result` is set, so a watcher that sees the new count can read the matching result).
 */
export class StatusLine {
  private runs = 0;
  private detail = '';

  constructor(private readonly element: HTMLElement) {
    element.dataset.state = 'loading';
    element.dataset.runs = '0';
  }

  /** Runs finished since the page (or the widget) was set up. */
  get runCount(): number {
    return this.runs;
  }

  /** `data-warm` (interpreters loaded and unused) and `data-interpreters` (alive in all). */
  setInterpreters(warm: number, live: number): void {
    this.element.dataset.warm = String(warm);
    this.element.dataset.interpreters = String(live);
  }

  setState(state: SandboxState): void {
    this.element.dataset.state = state;
    this.render();
  }

  /** A sentence shown beside the state, e.g. the Python version or how the last run ended. */
  setDetail(detail: string): void {
    this.detail = detail;
    this.render();
  }

  finishRun(result: RunStatus, detail: string): void {
    this.element.dataset.lastResult = result;
    this.runs += 1;
    this.element.dataset.runs = String(this.runs);
    this.setDetail(detail);
  }

  private render(): void {
    const state = this.element.dataset.state;
    const label = state === 'loading' ? 'Loading Python…' : state === 'running' ? 'Running…' : 'Ready';
    this.element.textContent = this.detail && state !== 'running' ? `${label} · ${this.detail}` : label;
  }
}
