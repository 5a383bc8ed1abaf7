import { describe, expect, it } from "vitest";
import { History } from "./history";

/** A clock the test moves by hand. */
function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("History", () => {
  it("undoes and redoes steps in order", () => {
    const h = new History("a");
    h.commit("b");
    h.commit("c");
    expect(h.canUndo).toBe(true);
    expect(h.canRedo).toBe(false);
    expect(h.undo()).toBe("b");
    expect(h.undo()).toBe("a");
    expect(h.undo()).toBeNull();
    expect(h.present).toBe("a");
    expect(h.redo()).toBe("b");
    expect(h.redo()).toBe("c");
    expect(h.redo()).toBeNull();
  });

  it("forgets what could be redone when a new change is made", () => {
    const h = new History("a");
    h.commit("b");
    h.undo();
    h.commit("x");
    expect(h.canRedo).toBe(false);
    expect(h.undo()).toBe("a");
  });

  it("ignores committing the present itself", () => {
    const h = new History("a");
    h.commit("a");
    expect(h.canUndo).toBe(false);
  });

  it("merges changes with the same key made close together", () => {
    const c = clock();
    const h = new History("", { now: c.now, coalesceMs: 1000 });
    for (const text of ["R", "Ro", "Rob", "Robo"]) {
      c.advance(150);
      h.commit(text, "title.text");
    }
    expect(h.depth).toBe(1);
    expect(h.undo()).toBe("");
  });

  it("keeps changes apart when the key differs or too much time passed", () => {
    const c = clock();
    const h = new History(0, { now: c.now, coalesceMs: 1000 });
    h.commit(1, "size");
    c.advance(100);
    h.commit(2, "opacity");
    c.advance(1500);
    h.commit(3, "opacity");
    h.commit(4); // no key: always a step
    h.commit(5);
    expect(h.depth).toBe(5);
  });

  it("merges a whole gesture however long it takes, until sealed", () => {
    const c = clock();
    const h = new History(0, { now: c.now, coalesceMs: 1000 });
    h.commit(1, "gesture-1", true);
    c.advance(5000);
    h.commit(2, "gesture-1", true);
    h.seal();
    h.commit(3, "gesture-1", true);
    expect(h.depth).toBe(2);
    expect(h.undo()).toBe(2);
    expect(h.undo()).toBe(0);
  });

  it("does not merge a change into one made before an undo", () => {
    const c = clock();
    const h = new History("a", { now: c.now });
    h.commit("b", "k");
    h.commit("c", "k");
    h.undo();
    h.commit("d", "k");
    expect(h.undo()).toBe("a");
  });

  it("keeps at most `cap` steps, dropping the oldest", () => {
    const h = new History(0, { cap: 200 });
    for (let i = 1; i <= 250; i++) h.commit(i);
    expect(h.depth).toBe(200);
    let last: number | null = null;
    while (h.canUndo) last = h.undo();
    expect(last).toBe(50);
  });

  it("starts over on reset", () => {
    const h = new History("a");
    h.commit("b");
    h.reset("z");
    expect(h.present).toBe("z");
    expect(h.canUndo).toBe(false);
    expect(h.canRedo).toBe(false);
  });
});
