import type { Plugin } from 'vite';

/** Monaco's style sheet that declares its icon font (`@font-face { font-family: "codicon"; ... }`). */
const CODICON_STYLE_SHEET =
  /[\\/]monaco-editor[\\/]esm[\\/]vs[\\/]base[\\/]browser[\\/]ui[\\/]codicons[\\/]codicon[\\/]codicon\.css$/;
const FONT_FACE_RULE = /@font-face\s*\{[^}]*\}/g;

/**
 * Removes the icon font's `@font-face` from Monaco's style sheet: the page declares the font itself when
 * it starts (src/editor/codicon-font.ts), because a font face that arrives with the editor makes the
 * browser lay out the whole document again. Fails the build if Monaco's sheet no longer has the rule, so
 * a Monaco upgrade that moves it is noticed rather than silently bringing the stall back.
 */
export function codiconFontPlugin(): Plugin {
  return {
    name: 'sandpit:codicon-font',
    enforce: 'pre',
    transform(code, id) {
      if (!CODICON_STYLE_SHEET.test(id.split('?')[0] ?? id)) return null;
      const without = code.replace(FONT_FACE_RULE, '');
      if (without === code)
        this.error(`Monaco's ${id} no longer declares the codicon font: see src/editor/codicon-font.ts`);
      return { code: without, map: null };
    },
  };
}
