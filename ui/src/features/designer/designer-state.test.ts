// The Designer's state against the fake backend: rendering, undo, saving,
// exporting, and the rules the editor follows.
import { describe, expect, it } from "vitest";
import { FakeBackend, type FakeOptions, type RenderRequestArgs } from "../../lib/ipc/fake";
import { Toaster } from "../../lib/ui/toasts.svelte";
import { DesignerState } from "./designer.svelte";

/** Holds the fake's renders until released. */
function gate() {
  const waiting: (() => void)[] = [];
  return {
    wait: (_: RenderRequestArgs) => new Promise<void>((go) => waiting.push(go)),
    release: async () => {
      waiting.shift()?.();
      await settle();
    },
    get count() {
      return waiting.length;
    },
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 6; i++) await Promise.resolve();
  await new Promise((r) => setTimeout(r, 0));
}

async function setup(options: FakeOptions = {}) {
  const backend = new FakeBackend(options);
  const toaster = new Toaster();
  const designer = new DesignerState(backend, toaster);
  await designer.load();
  return { backend, toaster, designer };
}

async function openStarPupil(options: FakeOptions = {}) {
  const s = await setup(options);
  const template = s.designer.catalog?.templates.find((t) => t.id === "school-star");
  if (!template) throw new Error("no template");
  s.designer.openTemplate(template);
  await settle();
  return s;
}

function renders(backend: FakeBackend) {
  return backend.callsTo("renderDesign").map((c) => {
    const [design, size, draft] = c.args as [{ layers: { id: string; opacity?: number }[] }, number, boolean];
    return { design, size, draft };
  });
}

describe("DesignerState", () => {
  it("renders a template as soon as it is opened, and keeps the answer", async () => {
    const { designer, backend } = await openStarPupil();
    expect(designer.editing).toBe(true);
    expect(designer.dirty).toBe(false);
    expect(renders(backend)).toHaveLength(1);
    expect(designer.preview?.size).toBe(512);
    expect(designer.preview?.dataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it("renders drafts while a slider is dragged, then a full render on release, as one undo step", async () => {
    const held = gate();
    const { designer, backend } = await setup({ renderGate: held.wait });
    const template = designer.catalog?.templates[0];
    if (!template) throw new Error("no template");
    designer.openTemplate(template);
    await held.release();

    designer.beginGesture();
    for (const opacity of [0.9, 0.8, 0.7, 0.6]) designer.editCommon("disc", (l) => ({ ...l, opacity }), "opacity");
    await settle();
    // One in flight (0.9), the others coalesced into the latest.
    expect(renders(backend).map((r) => [r.draft, r.design.layers[1]?.opacity])).toEqual([
      [false, undefined],
      [true, 0.9],
    ]);
    await held.release();
    expect(renders(backend).at(-1)).toMatchObject({ draft: true });
    expect(renders(backend).at(-1)?.design.layers[1]?.opacity).toBe(0.6);
    designer.endGesture();
    await held.release();
    await held.release();
    const last = renders(backend).at(-1);
    expect(last?.draft).toBe(false);
    expect(last?.design.layers[1]?.opacity).toBe(0.6);
    expect(designer.previewDraft).toBe(false);

    // The whole drag is one step.
    expect(designer.undo()).toBe(true);
    expect(designer.design.layers[1]?.opacity).toBeUndefined();
    expect(designer.canUndo).toBe(false);
    expect(designer.dirty).toBe(false);
  });

  it("undoes and redoes, and is dirty only while different from what was saved", async () => {
    const { designer } = await openStarPupil();
    designer.editLayer("title", "text", (l) => ({ ...l, text: "ROBOTICS" }), "text");
    expect(designer.dirty).toBe(true);
    expect(designer.canUndo).toBe(true);
    designer.undo();
    expect(designer.dirty).toBe(false);
    expect(designer.canRedo).toBe(true);
    designer.redo();
    expect(designer.design.layers[3]).toMatchObject({ text: "ROBOTICS" });
  });

  it("saves a new design the first time and updates it afterwards", async () => {
    const { designer, backend } = await openStarPupil();
    designer.setName("Robotics Club");
    expect(await designer.save()).toBe(true);
    expect(designer.savedId).toBe("design-1");
    expect(designer.dirty).toBe(false);
    designer.setDescription("For the robotics club");
    await designer.save();
    expect(backend.callsTo("saveDesign").map((c) => c.args[0])).toEqual([null, "design-1"]);
    expect(backend.designs.size).toBe(1);
    await settle();
    expect(designer.saved.map((d) => d.name)).toEqual(["Robotics Club"]);
  });

  it("exports with the format and size asked, and says where the file went", async () => {
    const { designer, backend, toaster } = await openStarPupil({ exportPath: "/home/sam/Pictures/star.png" });
    expect(await designer.exportAs("png", 256)).toBe(true);
    expect(backend.callsTo("exportDesign")[0]?.args.slice(1)).toEqual(["png", 256]);
    expect(toaster.items.at(-1)?.message).toBe("Exported to /home/sam/Pictures/star.png");
  });

  it("does nothing when the export dialog is cancelled", async () => {
    const { designer, toaster } = await openStarPupil({ exportPath: null });
    expect(await designer.exportAs("svg", 512)).toBe(false);
    expect(toaster.items).toEqual([]);
  });

  it("deletes a saved design to the trash, and Undo on the toast brings it back", async () => {
    const { designer, toaster } = await openStarPupil();
    await designer.save();
    designer.close();
    await settle();
    const summary = designer.saved[0];
    if (!summary) throw new Error("not saved");
    await designer.deleteSaved(summary);
    expect(designer.saved).toEqual([]);
    const toast = toaster.items.at(-1);
    expect(toast?.message).toBe("Deleted “Star Pupil”");
    toast?.action?.run();
    await settle();
    expect(designer.saved.map((d) => d.id)).toEqual([summary.id]);
  });

  it("keeps locked layers as they are, and says why", async () => {
    const { designer, toaster } = await openStarPupil();
    designer.toggleLocked("disc");
    const before = designer.design;
    designer.select("disc");
    expect(designer.nudge(1, 0)).toBe(false);
    expect(designer.removeLayer("disc")).toBe(false);
    expect(designer.moveLayer("disc", 1)).toBe(false);
    expect(designer.design).toBe(before);
    expect(toaster.items.at(-1)?.message).toBe("“Disc” is locked: unlock it to move it");
  });

  it("selects the layer below after deleting one", async () => {
    const { designer } = await openStarPupil();
    designer.select("icon");
    designer.removeLayer("icon");
    expect(designer.selectedId).toBe("title");
  });

  it("adds an image layer from the chosen file, and shows what the core changed", async () => {
    const { designer, toaster } = await openStarPupil({
      chosenImage: { fileName: "crest.svg", dataUri: "data:image/svg+xml;base64,PHN2Zy8+", width: 64, height: 64, notice: "scripts were removed" },
    });
    const id = await designer.addLayer("image");
    expect(id).toBe("image");
    expect(designer.selected).toMatchObject({ type: "image", label: "crest", data: "data:image/svg+xml;base64,PHN2Zy8+" });
    expect(toaster.items.at(-1)).toMatchObject({ message: "scripts were removed", detail: "crest.svg" });
  });

  it("adds no image layer when the dialog is cancelled", async () => {
    const { designer } = await openStarPupil({ chosenImage: null });
    expect(await designer.addLayer("image")).toBeNull();
    expect(designer.design.layers).toHaveLength(6);
  });

  it("shows why a design can't be drawn, naming the layer, and keeps the last good picture", async () => {
    const { designer } = await openStarPupil();
    const good = designer.preview;
    designer.editLayer("title", "text", (l) => ({ ...l, font: { ...l.font, size: 1000 } }), "font.size");
    await settle();
    expect(designer.renderProblem).toEqual({
      message: "the design: layers[3].font.size: must be between 4 and 512 (is 1000)",
      text: "Title: font size must be between 4 and 512 (is 1000)",
      layerId: "title",
    });
    expect(designer.preview).toBe(good);
    designer.undo();
    await settle();
    expect(designer.renderProblem).toBeNull();
  });

  it("zooms in steps and back to fit", async () => {
    const { designer } = await openStarPupil();
    designer.fitScale = 1.17;
    designer.zoomIn();
    expect(designer.zoom).toBe(1.25);
    designer.zoomOut();
    designer.zoomOut();
    expect(designer.zoom).toBe(0.75);
    designer.zoomToFit();
    expect(designer.scale).toBe(1.17);
  });
});
