/**
 * An element with attributes and text, built with DOM calls (never from HTML strings): how the widget's
 * markup and the drawing's pane are made.
 */
export function makeElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
  owner: Document = document,
): HTMLElementTagNameMap[K] {
  const element = owner.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}
