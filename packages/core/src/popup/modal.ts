/**
 * What makes a `<dialog>` modal for a shopper, apart from whose turn it is (turns.ts): shown with
 * `showModal()` (focus trapped, the rest of the page inert), focus given back where it was, the
 * page behind locked from scrolling without shifting (the scrollbar's gutter is kept), and
 * Escape or a click on the backdrop heard as a request to close. Plain functions that hand back
 * their undo, so the overlay controller keeps the order of its steps.
 */

/** The element that has focus, looking inside shadow roots (a theme's web components). */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/** Shows `dialog` modally; a dialog the browser refuses to show so keeps an `open` attribute. */
export function showModal(dialog: HTMLDialogElement): void {
  try {
    // A dialog left open without showModal (an `open` attribute) is not modal: no trap, no backdrop.
    if (dialog.open) dialog.close();
    dialog.showModal();
  } catch {
    dialog.setAttribute('open', '');
  }
}

/** Stops the page behind from scrolling; returns what puts it back. */
export function lockScroll(): () => void {
  const root = document.documentElement;
  const hasScrollbar = window.innerWidth > root.clientWidth;
  const { overflow, scrollbarGutter } = root.style;
  // Through the CSSOM, which a strict CSP allows; keep the gutter so the page does not shift sideways.
  if (hasScrollbar) root.style.scrollbarGutter = 'stable';
  root.style.overflow = 'hidden';
  return () => {
    root.style.overflow = overflow;
    root.style.scrollbarGutter = scrollbarGutter;
  };
}

/**
 * Calls `onRequestClose` when the shopper asks to close `dialog`: Escape, a click on its backdrop,
 * or the dialog closing by itself. Returns what stops listening.
 */
export function listenForClose(
  dialog: HTMLDialogElement,
  onRequestClose: (reason: 'escape' | 'backdrop') => void,
): () => void {
  /** A press that began inside the dialog's box: the click that ends it (outside, after a drag) is no backdrop click. */
  let pressInside = false;
  const inBox = (event: MouseEvent) => {
    const box = dialog.getBoundingClientRect();
    return (
      event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom
    );
  };
  const listeners: Record<string, (event: Event) => void> = {
    cancel: (event) => {
      // Escape: close through our bookkeeping rather than letting the dialog close itself.
      event.preventDefault();
      onRequestClose('escape');
    },
    // The dialog closed by itself: a second Escape the browser does not let a page cancel (close
    // watchers), a `<form method="dialog">`, a script. Without this the page would stay locked.
    close: () => {
      if (!dialog.open) onRequestClose('escape');
    },
    pointerdown: (event) => {
      pressInside = event.target !== dialog || inBox(event as MouseEvent);
    },
    click: (event) => {
      const began = pressInside;
      pressInside = false;
      // A click on the dialog element itself outside its box is a click on the backdrop; not when the
      // press began inside (selecting the email text and releasing past the edge is no request to close).
      if (event.target === dialog && !began && !inBox(event as MouseEvent)) onRequestClose('backdrop');
    },
  };
  for (const type in listeners) dialog.addEventListener(type, listeners[type]);
  return () => {
    for (const type in listeners) dialog.removeEventListener(type, listeners[type]);
  };
}
