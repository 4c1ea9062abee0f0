import { makeElement as make } from '../ui/make-element';

/**
 * The markup of one widget, built with DOM calls (never from HTML strings). Test ids match the scratch
 * pad's, scoped inside the element: `sandpit-python:nth-of-type(2) [data-testid=run]`.
 */
export interface WidgetElements {
  readonly root: HTMLElement;
  readonly run: HTMLButtonElement;
  readonly stop: HTMLButtonElement;
  readonly status: HTMLElement;
  readonly problems: HTMLElement;
  readonly code: HTMLElement;
  readonly staticCode: HTMLElement;
  readonly banner: HTMLElement;
  readonly download: HTMLButtonElement;
  readonly output: HTMLElement;
  readonly stdinForm: HTMLFormElement;
  readonly check: HTMLElement;
}

export function buildWidget(): WidgetElements {
  const root = make('div', { class: 'sp-widget' });
  const run = make(
    'button',
    { type: 'button', class: 'sp-run', 'data-testid': 'run', title: 'Run (Ctrl+Enter)' },
    '▶ Run',
  );
  const stop = make('button', { type: 'button', 'data-testid': 'stop', disabled: '' }, '■ Stop');
  const status = make('span', { class: 'sp-status', 'data-testid': 'status', role: 'status' });
  const toolbar = make('div', { class: 'sp-toolbar' });
  toolbar.append(run, stop, status);

  const problems = make('div', { class: 'sp-problems', 'data-testid': 'problems', hidden: '' });
  const code = make('div', { class: 'sp-code', 'data-testid': 'editor' });
  const staticCode = make('pre', {
    class: 'sp-static',
    tabindex: '0',
    'aria-label': 'Python code (press Enter or click to edit)',
  });
  code.append(staticCode);

  const banner = make('div', { class: 'sp-banner', 'data-testid': 'output-truncated', hidden: '' });
  const message = make('span', { 'data-role': 'message' });
  const download = make(
    'button',
    { type: 'button', 'data-testid': 'download-output' },
    'Download the full output',
  );
  banner.append(message, download);
  const output = make('div', {
    class: 'sp-console',
    'data-testid': 'output',
    role: 'log',
    'aria-live': 'polite',
    tabindex: '0',
  });

  const stdinForm = make('form', { class: 'sp-stdin', 'data-testid': 'stdin-form', hidden: '' });
  stdinForm.append(
    make('input', {
      type: 'text',
      'data-testid': 'stdin',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-label': 'Input',
    }),
    make('button', { type: 'submit' }, 'Enter'),
    make('button', { type: 'button', 'data-testid': 'stdin-eof', title: 'End of input (Ctrl+D)' }, 'EOF'),
  );
  const check = make('div', { class: 'sp-check', 'data-testid': 'check', hidden: '' });

  root.append(toolbar, problems, code, banner, output, stdinForm, check);
  return { root, run, stop, status, problems, code, staticCode, banner, download, output, stdinForm, check };
}
