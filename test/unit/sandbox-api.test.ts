/**
 * The JavaScript API's public shape (src/runtime/sandbox.ts, re-exported by sandpit-embed.js): types that
 * authors' code compiles against, checked at compile time by `npm run typecheck` and here by Vitest.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { RunOptions, RunResult, Sandbox, SandboxOptions } from '../../src/runtime/sandbox';
import type { WidgetResultDetail } from '../../src/embed/sandpit-python-element';

describe('the JavaScript API types', () => {
  it('run(code, { stdin, timeoutMs, onOutput, signal }) resolves with a typed result', () => {
    expectTypeOf<Sandbox['run']>().parameters.toEqualTypeOf<[code: string, options?: RunOptions]>();
    expectTypeOf<Sandbox['run']>().returns.resolves.toEqualTypeOf<RunResult>();
    expectTypeOf<RunOptions['stdin']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<RunOptions['timeoutMs']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RunOptions['signal']>().toEqualTypeOf<AbortSignal | undefined>();
    expectTypeOf<NonNullable<RunOptions['onOutput']>>()
      .parameter(0)
      .toMatchTypeOf<{ stream: 'stdout' | 'stderr'; text: string }>();
  });

  it('a result has a status, both streams, the duration and, for errors, where and what', () => {
    expectTypeOf<RunResult['status']>().toEqualTypeOf<'ok' | 'error' | 'timeout' | 'stopped' | 'crashed'>();
    expectTypeOf<RunResult>().toMatchTypeOf<{ stdout: string; stderr: string; durationMs: number }>();
    expectTypeOf<NonNullable<RunResult['error']>>().toMatchTypeOf<{
      type: string;
      message: string;
      line: number | null;
      traceback: string;
    }>();
  });

  it('interrupt() and dispose() take nothing; a widget result adds `passed`', () => {
    expectTypeOf<Sandbox['interrupt']>().toEqualTypeOf<() => void>();
    expectTypeOf<Sandbox['dispose']>().toEqualTypeOf<() => void>();
    expectTypeOf<SandboxOptions['timeoutMs']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<WidgetResultDetail['passed']>().toEqualTypeOf<boolean | undefined>();
  });
});
