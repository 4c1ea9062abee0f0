import type { RunResult } from '../runtime/verdict';
import { checkOutput } from './output-check';

/**
 * Shows an `expected-output` check under a widget's console: pass, or fail with a line diff (built with
 * DOM calls and text nodes only). Returns whether the run passed: it finished and printed what was expected.
 */
export function showOutputCheck(element: HTMLElement, expected: string, result: RunResult): boolean {
  const check = checkOutput(expected, result.stdout);
  const passed = result.status === 'ok' && check.passed;
  element.dataset.result = passed ? 'pass' : 'fail';
  const heading = document.createElement('div');
  heading.className = 'sp-check-heading';
  heading.textContent = passed
    ? '✓ The output is what was expected.'
    : result.status !== 'ok'
      ? '✗ The program did not finish, so its output was not checked.'
      : '✗ The output differs from what was expected (- expected, + printed):';
  element.replaceChildren(heading);
  if (!passed && result.status === 'ok') {
    const diff = document.createElement('pre');
    diff.className = 'sp-diff';
    diff.dataset.testid = 'check-diff';
    for (const line of check.diff) {
      const row = document.createElement('span');
      row.className =
        line.kind === '+' ? 'sp-diff-added' : line.kind === '-' ? 'sp-diff-removed' : 'sp-diff-same';
      row.textContent = `${line.kind === '=' ? ' ' : line.kind} ${line.text}\n`;
      diff.append(row);
    }
    element.append(diff);
  }
  element.hidden = false;
  return passed;
}
