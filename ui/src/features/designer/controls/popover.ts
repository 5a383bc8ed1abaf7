// Closing popovers the usual way: Escape (focus goes back to the button that
// opened it), a press outside, or the focus leaving.

export interface DismissOptions {
  /** The button that opened the popover: presses on it are not "outside". */
  anchor?: HTMLElement | undefined;
  onclose: (returnFocus: boolean) => void;
}

/** A Svelte action for a popover element. */
export function dismissable(node: HTMLElement, options: DismissOptions) {
  let current = options;
  const inside = (target: EventTarget | null) =>
    target instanceof Node && (node.contains(target) || (current.anchor?.contains(target) ?? false));

  const onkeydown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation();
    current.onclose(true);
  };
  const onpointerdown = (event: PointerEvent) => {
    if (!inside(event.target)) current.onclose(false);
  };
  const onfocusout = (event: FocusEvent) => {
    if (event.relatedTarget !== null && !inside(event.relatedTarget)) current.onclose(false);
  };

  node.addEventListener("keydown", onkeydown);
  node.addEventListener("focusout", onfocusout);
  window.addEventListener("pointerdown", onpointerdown, true);
  return {
    update(next: DismissOptions) {
      current = next;
    },
    destroy() {
      node.removeEventListener("keydown", onkeydown);
      node.removeEventListener("focusout", onfocusout);
      window.removeEventListener("pointerdown", onpointerdown, true);
    },
  };
}
