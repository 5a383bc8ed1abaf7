import { describe, expect, it } from "vitest";
import { checkFakeDesign, FAKE_FONTS, fakeTemplates, TINY_PNG } from "../../lib/ipc/fake-designs";
import type { BadgeDesign } from "../../lib/ipc/gen/BadgeDesign";
import type { Layer } from "../../lib/ipc/gen/Layer";
import {
  createLayer,
  duplicateLayer,
  explainDesignError,
  humanize,
  insertLayer,
  LAYER_KINDS,
  layerTitle,
  moveLayerBy,
  moveLayerTo,
  nudgeLayer,
  removeLayer,
  renameLayer,
  setHidden,
  setLocked,
  uniqueId,
  updateLayer,
  type Outcome,
} from "./layers";

const image = { fileName: "logo.png", dataUri: TINY_PNG, width: 1, height: 1, notice: null };

function blank(): BadgeDesign {
  return { version: 1, name: "Test", layers: [] };
}

function starPupil(): BadgeDesign {
  const template = fakeTemplates()[0];
  if (!template) throw new Error("no template");
  return structuredClone(template.design);
}

function ok(outcome: Outcome): BadgeDesign {
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.design;
}

const ids = (d: BadgeDesign) => d.layers.map((l) => l.id);

describe("layer factories", () => {
  it("make every kind of layer with values the core accepts", () => {
    let design = blank();
    for (const kind of LAYER_KINDS) {
      const layer = createLayer(kind.type, design, FAKE_FONTS, image);
      expect(layer.type).toBe(kind.type);
      // Centred on the canvas: no transform of its own.
      expect(layer.transform).toBeUndefined();
      design = insertLayer(design, layer);
    }
    expect(design.layers).toHaveLength(7);
    expect(new Set(ids(design)).size).toBe(7);
    expect(checkFakeDesign(design)).toBeNull();
  });

  it("give ids not yet used in the design", () => {
    const design = starPupil();
    const a = createLayer("text", design, FAKE_FONTS);
    const b = createLayer("text", insertLayer(design, a), FAKE_FONTS);
    expect(a.id).toBe("text");
    expect(b.id).toBe("text-2");
    expect(uniqueId(design, "title")).toBe("title-2");
  });

  it("use a bundled font", () => {
    const text = createLayer("text", blank(), FAKE_FONTS);
    if (text.type !== "text") throw new Error("not text");
    expect(FAKE_FONTS.map((f) => f.family)).toContain(text.font.family);
  });

  it("puts a new layer just above the selected one", () => {
    const design = starPupil();
    const layer = createLayer("shape", design);
    expect(ids(insertLayer(design, layer, "disc"))).toEqual(["seal", "disc", "shape", "ring", "title", "icon", "banner"]);
    expect(ids(insertLayer(design, layer)).at(-1)).toBe("shape");
  });
});

describe("the rules for locked layers", () => {
  const locked = () => setLocked(starPupil(), "disc", true);

  it("refuse changing, moving, renaming or deleting a locked layer, and say why", () => {
    const design = locked();
    for (const outcome of [
      updateLayer(design, "disc", (l) => ({ ...l, opacity: 0.5 })),
      moveLayerBy(design, "disc", 1),
      moveLayerTo(design, "disc", 5),
      renameLayer(design, "disc", "Base"),
      removeLayer(design, "disc"),
    ]) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.reason).toMatch(/^“Disc” is locked: unlock it to (change|move|delete) it$/);
    }
  });

  it("still let a locked layer be hidden, shown and unlocked", () => {
    let design = setHidden(locked(), "disc", true);
    expect(design.layers[1]?.hidden).toBe(true);
    design = setLocked(design, "disc", false);
    expect(design.layers[1]?.locked).toBeUndefined();
    expect(removeLayer(design, "disc").ok).toBe(true);
  });

  it("let other layers move past a locked one", () => {
    const design = ok(moveLayerBy(locked(), "seal", 1));
    expect(ids(design).slice(0, 2)).toEqual(["disc", "seal"]);
  });
});

describe("changing the stack", () => {
  it("moves a layer up and down, within the stack", () => {
    const design = starPupil();
    expect(ids(ok(moveLayerBy(design, "title", 1)))).toEqual(["seal", "disc", "ring", "icon", "title", "banner"]);
    expect(ids(ok(moveLayerBy(design, "seal", -1)))).toEqual(ids(design));
    expect(ids(ok(moveLayerTo(design, "seal", 99))).at(-1)).toBe("seal");
  });

  it("deletes a layer", () => {
    expect(ids(ok(removeLayer(starPupil(), "ring")))).not.toContain("ring");
  });

  it("duplicates a layer above itself, unlocked, with a fresh id", () => {
    const design = setLocked(starPupil(), "title", true);
    const copy = duplicateLayer(design, "title");
    expect(copy?.id).toBe("title-copy");
    expect(ids(copy?.design ?? blank())).toEqual(["seal", "disc", "ring", "title", "title-copy", "icon", "banner"]);
    expect(copy?.design.layers[4]?.locked).toBeUndefined();
    expect(duplicateLayer(copy?.design ?? blank(), "title-copy")?.id).toBe("title-copy-2");
  });

  it("hides and shows without touching other fields", () => {
    const design = starPupil();
    const hidden = setHidden(design, "icon", true);
    expect(hidden.layers[4]).toEqual({ ...design.layers[4], hidden: true });
    expect(setHidden(hidden, "icon", false).layers[4]).toEqual(design.layers[4]);
  });

  it("renames, and an empty name goes back to the id", () => {
    const renamed = ok(renameLayer(starPupil(), "title", "  Club name "));
    expect(layerTitle(renamed.layers[3] as Layer)).toBe("Club name");
    expect(ok(renameLayer(renamed, "title", "")).layers[3]?.label).toBeUndefined();
  });
});

describe("names and messages", () => {
  it("names layers from their ids", () => {
    expect(humanize("title")).toBe("Title");
    expect(humanize("text-2")).toBe("Text 2");
    expect(humanize("mainDisc")).toBe("Main disc");
  });

  it("names the layer and the field of a core error", () => {
    const design = starPupil();
    expect(explainDesignError("the design: layers[3].font.size: must be between 4 and 512 (is 1000)", design)).toEqual({
      layerId: "title",
      text: "Title: font size must be between 4 and 512 (is 1000)",
    });
    expect(explainDesignError("the design: layers[0].fill.stops[1].color: \"#zz\" is not a colour", design).text).toBe(
      "Seal: fill stops 2 colour \"#zz\" is not a colour",
    );
    expect(explainDesignError("the design: name: is empty", design)).toEqual({ layerId: null, text: "Name: is empty" });
  });

  it("nudges within the core's limits", () => {
    const layer = createLayer("shape", blank());
    expect(nudgeLayer(layer, 3, -10).transform).toEqual({ x: 3, y: -10, scale: 1, rotate: 0 });
    expect(nudgeLayer({ ...layer, transform: { x: 2040, y: 0, scale: 1, rotate: 0 } }, 10, 0).transform?.x).toBe(2048);
  });
});
