import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EAGER_COMPILE_HINT, compileHintFor } from '../../tools/compile-hints.ts';
import { codiconFontPlugin } from '../../tools/vite-plugin-codicon-font.ts';

const CODICON_CSS = 'node_modules/monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon.css';

describe('compile hints', () => {
  it("marks a chunk that holds Monaco's modules or the editor's own", () => {
    expect(
      compileHintFor({ moduleIds: ['/app/node_modules/monaco-editor/esm/vs/editor/browser/view.js'] }),
    ).toBe(EAGER_COMPILE_HINT);
    expect(
      compileHintFor({ moduleIds: ['/app/src/runtime/sandbox.ts', '/app/src/editor/python-editor.ts'] }),
    ).toBe(EAGER_COMPILE_HINT);
  });

  it("leaves the app's own chunks to V8's lazy compilation", () => {
    expect(compileHintFor({ moduleIds: ['/app/src/main.ts', '/app/src/ui/console-view.ts'] })).toBe('');
    expect(compileHintFor({ moduleIds: [] })).toBe('');
  });

  it('is the comment V8 reads: a whole first line starting with //#', () => {
    expect(EAGER_COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad');
  });
});

describe("Monaco's icon font", () => {
  type Transform = (
    this: { error(message: string): never },
    code: string,
    id: string,
  ) => { code: string } | null;
  const transform = codiconFontPlugin().transform as Transform;
  const context = {
    error(message: string): never {
      throw new Error(message);
    },
  };

  it("is taken out of Monaco's style sheet, and only the font face", () => {
    const sheet = readFileSync(CODICON_CSS, 'utf8');
    expect(sheet).toContain('@font-face');
    const result = transform.call(context, sheet, `/app/${CODICON_CSS}`);
    expect(result?.code).not.toContain('@font-face');
    expect(result?.code).toContain(".codicon[class*='codicon-']");
  });

  it('leaves every other style sheet alone', () => {
    expect(transform.call(context, '@font-face { font-family: x; }', '/app/src/styles.css')).toBeNull();
  });

  it('fails the build if a Monaco upgrade moved the font face elsewhere', () => {
    expect(() => transform.call(context, '.codicon { color: red }', `/app/${CODICON_CSS}`)).toThrow(
      /no longer declares/,
    );
  });
});
