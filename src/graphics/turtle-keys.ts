/**
 * DOM key names as Tk's keysyms, the names turtle programs bind (`onkey(up, "Up")`). Printable keys are
 * themselves ("a", "A", "1"); the rest are mapped here; keys without a keysym are not sent.
 */
const KEYSYMS: Readonly<Record<string, string>> = {
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  ' ': 'space',
  Enter: 'Return',
  Escape: 'Escape',
  Backspace: 'BackSpace',
  Tab: 'Tab',
  Delete: 'Delete',
  Home: 'Home',
  End: 'End',
  PageUp: 'Prior',
  PageDown: 'Next',
  Insert: 'Insert',
  Shift: 'Shift_L',
  Control: 'Control_L',
  Alt: 'Alt_L',
};

export function keysym(key: string): string | null {
  const named = KEYSYMS[key];
  if (named !== undefined) return named;
  if (/^F([1-9]|1[0-2])$/.test(key)) return key;
  // One printable character (a letter of any script, a digit, punctuation).
  if ([...key].length === 1 && !/\p{C}/u.test(key)) return key;
  return null;
}
