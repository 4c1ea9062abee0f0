// Monaco's own package exports only its modules, so its icon font is reached by its path.
import codiconFontUrl from '../../node_modules/monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon.ttf?url';

/**
 * Monaco's icon font, declared by the page when it starts instead of by Monaco's style sheet when the
 * editor arrives. A new font face makes the browser lay out all the text of the document again (any text
 * might use it): arriving after a run's 30 000 lines, Monaco's `@font-face` cost the console a 90-140 ms
 * layout, the longest stall left while the editor loads (issue 16). Declared while the page is empty, it
 * costs nothing; the font is downloaded only when an icon is first drawn. Monaco's own declaration is
 * removed from its style sheet at build time (tools/vite-plugin-codicon-font.ts).
 */
export function declareCodiconFont(): void {
  for (const face of document.fonts) if (face.family === 'codicon') return;
  // Monaco's descriptors: `block` so an icon is never drawn as a letter while the font loads.
  document.fonts.add(
    new FontFace('codicon', `url(${JSON.stringify(codiconFontUrl)}) format("truetype")`, {
      display: 'block',
    }),
  );
}
