/**
 * Makes invisible control characters in program output visible, so output can't hide or disguise text:
 * C0 controls (ANSI escape sequences, OSC-8 "hyperlinks", bells) become their Unicode control pictures
 * (ESC shows as ␛), and bidirectional overrides that reorder what follows show as ⟪U+202E⟫. Tabs, newlines
 * and carriage returns stay as they are. Nothing is ever interpreted: the console renders text nodes only.
 */
// eslint-disable-next-line no-control-regex
const C0_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export function makeControlsVisible(text: string): string {
  let result = text;
  if (C0_CONTROLS.test(result)) {
    C0_CONTROLS.lastIndex = 0;
    result = result.replace(C0_CONTROLS, (char) =>
      String.fromCharCode(char === '\u007f' ? 0x2421 : 0x2400 + char.charCodeAt(0)),
    );
  }
  C0_CONTROLS.lastIndex = 0;
  if (BIDI_CONTROLS.test(result)) {
    BIDI_CONTROLS.lastIndex = 0;
    result = result.replace(BIDI_CONTROLS, (char) => `⟪U+${char.charCodeAt(0).toString(16).toUpperCase()}⟫`);
  }
  BIDI_CONTROLS.lastIndex = 0;
  return result;
}
