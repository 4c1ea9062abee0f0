export type NoticeKind = 'info' | 'warning' | 'error';

export interface NoticeAction {
  readonly label: string;
  readonly action: () => void;
}

/** A one-line message above the editor (`[data-testid=notice]`): broken links, restored code. Text only. */
export class NoticeBar {
  constructor(private readonly element: HTMLElement) {}

  show(kind: NoticeKind, text: string, action?: NoticeAction): void {
    const message = document.createElement('span');
    message.textContent = text;
    const children: HTMLElement[] = [message];
    if (action) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = action.label;
      button.dataset.testid = 'notice-action';
      button.addEventListener('click', action.action, { once: true });
      children.push(button);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'notice-close';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '×';
    close.addEventListener('click', () => this.hide(), { once: true });
    children.push(close);
    this.element.replaceChildren(...children);
    this.element.dataset.kind = kind;
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
    this.element.replaceChildren();
  }
}
