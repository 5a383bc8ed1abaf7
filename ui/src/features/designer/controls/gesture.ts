// A gesture is a continuous change, such as dragging a slider: the Designer
// renders drafts meanwhile and keeps the whole gesture as one undo step.
// Controls find the Designer's gesture handlers in the component context.

import { getContext, setContext } from "svelte";

export interface Gesture {
  begin(): void;
  end(): void;
}

const KEY = Symbol("designer-gesture");
const NONE: Gesture = { begin: () => undefined, end: () => undefined };

export function provideGesture(gesture: Gesture): Gesture {
  return setContext(KEY, gesture);
}

export function useGesture(): Gesture {
  return getContext<Gesture | undefined>(KEY) ?? NONE;
}

/**
 * A pointerdown handler that begins the gesture and ends it at the next
 * pointer release anywhere in the window (the pointer may leave the control).
 */
export function gestureOnPointer(gesture: Gesture): (event: PointerEvent) => void {
  return (event) => {
    if (event.button !== 0) return;
    gesture.begin();
    const end = () => {
      window.removeEventListener("pointerup", end, true);
      window.removeEventListener("pointercancel", end, true);
      window.removeEventListener("blur", end);
      gesture.end();
    };
    window.addEventListener("pointerup", end, true);
    window.addEventListener("pointercancel", end, true);
    window.addEventListener("blur", end);
  };
}
