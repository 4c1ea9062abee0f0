/**
 * The first time a page lays out text of a script its fonts lack (Hebrew and Arabic in a monospace
 * font, CJK, emoji, stacked combining marks), Chromium looks for a fallback font, opens it and builds a
 * shaper for it: 25-100 ms in one frame (traced: a frame of 256 Hebrew and Arabic characters spent 24 ms
 * in layout, most of it finding and opening a font). A program's output would pay that in the middle
 * of a run. So, while the page is idle, a hidden sample of each such script is laid out once in the
 * console's own font, one script per idle period, and removed: the fonts are then found and open.
 */
const SAMPLES = [
  'a\u0301\u0302\u0303 e\u0308',
  '\u05d0\u05d1\u05d2 \u0627\u0644\u0639\u0631\u0628\u064a\u0629',
  '\u6f22\u5b57 \u304b\u306a \ud55c\uae00',
  '\ud83d\ude00\ud83d\udc4d',
  '\u0928\u092e\u0938\u094d\u0924\u0947 \u0e44\u0e17\u0e22',
  '\u200b\u200d\u2060 \u27ea\u27eb',
];

const warmed = new WeakSet<Document>();

/** Lays out the samples in `consoleElement`'s font, one per idle period; once per document. */
export function warmConsoleFontsWhenIdle(consoleElement: HTMLElement): void {
  const document = consoleElement.ownerDocument;
  if (warmed.has(document) || typeof requestIdleCallback !== 'function') return;
  warmed.add(document);
  const pending = [...SAMPLES];
  const next = (): void => {
    const sample = pending.shift();
    if (sample === undefined || !consoleElement.isConnected) return;
    const probe = document.createElement('span');
    probe.setAttribute('aria-hidden', 'true');
    // Out of sight and out of the flow, but laid out (shaping needs the fonts): not display:none.
    probe.style.cssText =
      'position:absolute;visibility:hidden;white-space:pre;pointer-events:none;left:0;top:0';
    probe.textContent = sample;
    consoleElement.append(probe);
    void probe.offsetWidth;
    probe.remove();
    requestIdleCallback(next);
  };
  requestIdleCallback(next);
}
