// The Designer screen against the fake backend, as people use it.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import App from "../../app/App.svelte";
import { FakeBackend, type FakeOptions } from "../../lib/ipc/fake";
import type { BadgeDesign } from "../../lib/ipc/gen/BadgeDesign";

function start(options: FakeOptions = {}): FakeBackend {
  const backend = new FakeBackend(options);
  render(App, { props: { backend } });
  return backend;
}

async function openTemplate(name: RegExp = /^Star Pupil/): Promise<void> {
  const templates = await screen.findByRole("list", { name: "Templates" });
  await waitFor(() => expect(within(templates).getAllByTestId("template-card").length).toBeGreaterThan(0));
  await fireEvent.click(within(templates).getByRole("button", { name }));
  await screen.findByTestId("designer-editor");
}

function row(id: string): HTMLElement {
  const found = screen.getAllByTestId("layer-row").find((r) => r.dataset.layerId === id);
  if (!found) throw new Error(`no layer row ${id}`);
  return found;
}

function lastRender(backend: FakeBackend): { design: BadgeDesign; size: number; draft: boolean } {
  const call = backend.callsTo("renderDesign").at(-1);
  if (!call) throw new Error("nothing rendered");
  const [design, size, draft] = call.args as [BadgeDesign, number, boolean];
  return { design, size, draft };
}

function textOf(design: BadgeDesign, id: string): string | undefined {
  const layer = design.layers.find((l) => l.id === id);
  return layer && "text" in layer ? layer.text : undefined;
}

describe("the Designer", () => {
  it("is the first section and the one the app starts on", async () => {
    start();
    const nav = screen.getByRole("navigation", { name: "Sections" });
    expect(within(nav).getByRole("link", { name: "Designer" })).toHaveAttribute("aria-current", "page");
    expect(await screen.findByRole("heading", { name: "Start from a template" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Drop badge images here" })).not.toBeInTheDocument();
  });

  it("switches to the Inspector from the sidebar, and to it when files are given at start", async () => {
    start();
    await fireEvent.click(screen.getByRole("link", { name: "Inspector" }));
    expect(screen.getByRole("heading", { name: "Drop badge images here" })).toBeVisible();
    expect(screen.queryByRole("heading", { name: "Start from a template" })).not.toBeInTheDocument();
    await fireEvent.click(screen.getByRole("link", { name: "Designer" }));
    expect(screen.getByRole("heading", { name: "Start from a template" })).toBeInTheDocument();

    document.body.innerHTML = "";
    start({ pending: ["teamwork"] });
    await screen.findByRole("listbox", { name: "Opened files" });
    expect(screen.getByRole("link", { name: "Inspector" })).toHaveAttribute("aria-current", "page");
  });

  it("lists the templates with their audience, filters them, and opens a copy of one", async () => {
    const backend = start();
    const templates = await screen.findByRole("list", { name: "Templates" });
    await waitFor(() => expect(within(templates).getAllByTestId("template-card")).toHaveLength(3));
    expect(within(templates).getByRole("button", { name: /^Blank design/ })).toBeInTheDocument();
    const star = within(templates).getByRole("button", { name: /^Star Pupil/ });
    expect(star).toHaveTextContent("School");
    expect(star).toHaveTextContent("A bright rosette for classroom achievements");

    await fireEvent.click(screen.getByRole("radio", { name: "Company" }));
    expect(within(templates).getAllByTestId("template-card").map((c) => c.dataset.templateId)).toEqual(["company-skill"]);
    expect(within(templates).queryByRole("button", { name: "Blank design" })).not.toBeInTheDocument();
    await fireEvent.click(screen.getByRole("radio", { name: "All" }));

    await openTemplate();
    expect(screen.getByRole("textbox", { name: "Design name" })).toHaveValue("Star Pupil");
    const rows = screen.getAllByTestId("layer-row");
    // Top layer first.
    expect(rows.map((r) => r.dataset.layerId)).toEqual(["banner", "icon", "title", "ring", "disc", "seal"]);
    await waitFor(() => expect(screen.getByTestId("canvas-image")).toBeInTheDocument());
    expect(screen.getByTestId("render-status")).toHaveTextContent("512 px · 7 ms");
    expect(lastRender(backend)).toMatchObject({ size: 512, draft: false });
    // A copy: the template itself is unchanged when the copy is.
    await fireEvent.click(row("title"));
    await fireEvent.input(screen.getByTestId("text-content"), { target: { value: "CHANGED" } });
    const again = await backend.designCatalog();
    expect(textOf(again.templates[0]?.design as BadgeDesign, "title")).toBe("STAR PUPIL");
  });

  it("re-renders with the new text when the title is changed", async () => {
    const backend = start();
    await openTemplate();
    await fireEvent.click(row("title"));
    expect(screen.getByTestId("properties-title")).toHaveTextContent("Title");
    const field = screen.getByTestId("text-content");
    expect(field).toHaveValue("STAR PUPIL");
    await fireEvent.input(field, { target: { value: "Robotics Club" } });
    await waitFor(() => expect(textOf(lastRender(backend).design, "title")).toBe("Robotics Club"));
    expect(row("title")).toHaveTextContent("Text · Robotics Club");
    expect(screen.getByTestId("dirty-marker")).toHaveAttribute("data-dirty", "true");
  });

  it("changes a fill colour through its hex field", async () => {
    const backend = start();
    await openTemplate();
    await fireEvent.click(row("title"));
    const hex = screen.getByTestId("fill-hex");
    // Half-typed values are left alone; a full colour applies.
    await fireEvent.input(hex, { target: { value: "#ffe" } });
    await fireEvent.input(hex, { target: { value: "#ffeb3b" } });
    await waitFor(() => {
      const title = lastRender(backend).design.layers.find((l) => l.id === "title");
      expect(title && "fill" in title ? title.fill : null).toEqual({ type: "solid", color: "#ffeb3b" });
    });
    expect(screen.getByRole("button", { name: /^Fill: #ffeb3b/ })).toBeInTheDocument();
  });

  it("exports a PNG at the size chosen in the Export menu", async () => {
    const backend = start({ exportPath: "/home/sam/Pictures/star-pupil.png" });
    await openTemplate();
    await fireEvent.click(screen.getByTestId("export-button"));
    const dialog = screen.getByRole("dialog", { name: "Export" });
    expect(within(dialog).getByRole("radio", { name: "512" })).toHaveAttribute("aria-checked", "true");
    await fireEvent.click(within(dialog).getByRole("radio", { name: "256" }));
    await fireEvent.click(within(dialog).getByTestId("export-png"));
    await waitFor(() => expect(backend.callsTo("exportDesign")).toHaveLength(1));
    expect(backend.callsTo("exportDesign")[0]?.args.slice(1)).toEqual(["png", 256]);
    expect(await screen.findByText("Exported to /home/sam/Pictures/star-pupil.png")).toBeInTheDocument();
    expect(screen.queryByRole("dialog", { name: "Export" })).not.toBeInTheDocument();
  });

  it("exports at a custom size only when it is in range", async () => {
    const backend = start();
    await openTemplate();
    await fireEvent.click(screen.getByTestId("export-button"));
    const custom = screen.getByTestId("export-size-custom");
    await fireEvent.input(custom, { target: { value: "9000" } });
    expect(screen.getByText("A whole number from 64 to 4096")).toBeInTheDocument();
    expect(screen.getByTestId("export-svg")).toBeDisabled();
    await fireEvent.input(custom, { target: { value: "300" } });
    await fireEvent.click(screen.getByTestId("export-svg"));
    await waitFor(() => expect(backend.callsTo("exportDesign")[0]?.args.slice(1)).toEqual(["svg", 300]));
  });

  it("undoes with Ctrl+Z, but leaves Ctrl+Z in a text field to the field", async () => {
    start();
    await openTemplate();
    await fireEvent.click(row("title"));
    const field = screen.getByTestId("text-content");
    await fireEvent.input(field, { target: { value: "ROBOTICS" } });
    expect(screen.getByRole("button", { name: /^Undo/ })).toBeEnabled();

    // In the text field: not taken (the field undoes its own typing).
    const inField = await fireEvent.keyDown(field, { key: "z", ctrlKey: true });
    expect(inField).toBe(true);
    expect(row("title")).toHaveTextContent("ROBOTICS");

    // Elsewhere (the canvas): the design goes back.
    const canvas = screen.getByTestId("canvas");
    canvas.focus();
    expect(await fireEvent.keyDown(canvas, { key: "z", ctrlKey: true })).toBe(false);
    expect(row("title")).toHaveTextContent("STAR PUPIL");
    expect(screen.getByRole("button", { name: /^Undo/ })).toBeDisabled();

    await fireEvent.keyDown(canvas, { key: "Z", ctrlKey: true, shiftKey: true });
    expect(row("title")).toHaveTextContent("ROBOTICS");
    await fireEvent.keyDown(canvas, { key: "z", ctrlKey: true });
    await fireEvent.keyDown(canvas, { key: "y", ctrlKey: true });
    expect(row("title")).toHaveTextContent("ROBOTICS");
  });

  it("nudges the selected layer with the arrow keys when the canvas has the focus", async () => {
    const backend = start();
    await openTemplate();
    await fireEvent.click(row("icon"));
    const canvas = screen.getByTestId("canvas");
    canvas.focus();
    await fireEvent.keyDown(canvas, { key: "ArrowRight" });
    await fireEvent.keyDown(canvas, { key: "ArrowDown", shiftKey: true });
    expect(screen.getByTestId("layer-x")).toHaveValue("1");
    expect(screen.getByTestId("layer-y")).toHaveValue("15");
    await waitFor(() => expect(lastRender(backend).design.layers[4]?.transform).toEqual({ x: 1, y: 15, scale: 1, rotate: 0 }));
    // The nudges are one step.
    await fireEvent.click(screen.getByRole("button", { name: /^Undo/ }));
    expect(screen.getByTestId("layer-y")).toHaveValue("5");
  });

  it("deletes the selected layer with Delete in the layer list, but not a locked one", async () => {
    start();
    await openTemplate();
    await fireEvent.click(row("ring"));
    await fireEvent.keyDown(row("ring"), { key: "Delete" });
    expect(screen.getAllByTestId("layer-row").map((r) => r.dataset.layerId)).not.toContain("ring");
    // The selection moves to the layer below, and keeps the focus in the list.
    expect(row("disc")).toHaveAttribute("aria-selected", "true");
    await waitFor(() => expect(row("disc")).toHaveFocus());

    await fireEvent.click(within(row("disc")).getByRole("button", { name: "Lock Disc" }));
    await fireEvent.keyDown(row("disc"), { key: "Delete" });
    expect(row("disc")).toBeInTheDocument();
    expect(await screen.findByText("“Disc” is locked: unlock it to delete it")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Delete layer" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Move layer up" })).toBeDisabled();
  });

  it("reorders with the buttons and Alt+arrows, top layer first", async () => {
    start();
    await openTemplate();
    await fireEvent.click(row("title"));
    await fireEvent.click(screen.getByRole("button", { name: "Move layer up" }));
    expect(screen.getAllByTestId("layer-row").map((r) => r.dataset.layerId)).toEqual(["banner", "title", "icon", "ring", "disc", "seal"]);
    await fireEvent.keyDown(row("title"), { key: "ArrowDown", altKey: true });
    await fireEvent.keyDown(row("title"), { key: "ArrowDown", altKey: true });
    expect(screen.getAllByTestId("layer-row").map((r) => r.dataset.layerId)).toEqual(["banner", "icon", "ring", "title", "disc", "seal"]);
  });

  it("hides a layer with its eye, which the core then leaves out", async () => {
    const backend = start();
    await openTemplate();
    await fireEvent.click(within(row("banner")).getByRole("button", { name: "Hide Banner" }));
    expect(within(row("banner")).getByRole("button", { name: "Show Banner" })).toHaveAttribute("aria-pressed", "true");
    await waitFor(() => expect(lastRender(backend).design.layers[5]?.hidden).toBe(true));
  });

  it("shows a locked layer's properties read-only, with the reason and a way to unlock it", async () => {
    start();
    await openTemplate();
    await fireEvent.click(row("disc"));
    await fireEvent.click(within(row("disc")).getByRole("button", { name: "Lock Disc" }));
    expect(screen.getByRole("note")).toHaveTextContent("This layer is locked, so its properties can’t be changed");
    expect(screen.getByTestId("shape-size")).toBeDisabled();
    expect(screen.getByRole("group", { name: "Disc properties" })).toBeDisabled();
    await fireEvent.click(within(screen.getByRole("note")).getByRole("button", { name: "Unlock" }));
    expect(screen.queryByRole("note")).not.toBeInTheDocument();
    expect(screen.getByTestId("shape-size")).toBeEnabled();
  });

  it("adds a layer from the Add layer menu, centred and selected", async () => {
    const backend = start();
    await openTemplate();
    await fireEvent.click(row("seal"));
    await fireEvent.click(screen.getByRole("button", { name: "Add layer" }));
    const menu = screen.getByRole("menu", { name: "Add layer" });
    expect(within(menu).getAllByRole("menuitem")).toHaveLength(7);
    await fireEvent.click(within(menu).getByRole("menuitem", { name: /^Glyph/ }));
    expect(row("glyph")).toHaveAttribute("aria-selected", "true");
    // Just above the layer that was selected.
    expect(screen.getAllByTestId("layer-row").map((r) => r.dataset.layerId).slice(-2)).toEqual(["glyph", "seal"]);
    await waitFor(() => expect(lastRender(backend).design.layers[1]).toMatchObject({ id: "glyph", glyph: "award" }));
    expect(screen.queryByTestId("render-error")).not.toBeInTheDocument();
  });

  it("searches glyphs after a short pause and picks one", async () => {
    const backend = start();
    await openTemplate();
    await fireEvent.click(row("icon"));
    const search = screen.getByRole("searchbox", { name: "Search glyphs" });
    expect(search).toHaveAttribute("placeholder", expect.stringMatching(/^Search \d+ glyphs$/));
    await fireEvent.input(search, { target: { value: "tro" } });
    await fireEvent.input(search, { target: { value: "trophy" } });
    await waitFor(() => expect(screen.getByRole("button", { name: "trophy" })).toBeInTheDocument());
    // Only the query typed last was searched (debounced).
    expect(backend.callsTo("searchGlyphs").map((c) => c.args[0])).not.toContain("tro");
    await fireEvent.click(screen.getByRole("button", { name: "trophy" }));
    expect(screen.getByTestId("glyph-name")).toHaveTextContent("trophy");
  });

  it("shows why a render was refused over the canvas, keeps the last picture, and selects the layer on request", async () => {
    start();
    await openTemplate();
    await waitFor(() => expect(screen.getByTestId("canvas-image")).toBeInTheDocument());
    const picture = screen.getByTestId("canvas-image").getAttribute("src");
    await fireEvent.click(row("title"));
    await fireEvent.input(screen.getByTestId("text-content"), { target: { value: "" } });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("This design can’t be drawn as it is");
    expect(alert).toHaveTextContent("Title: text is empty");
    expect(screen.getByTestId("canvas-image")).toHaveAttribute("src", picture);
    expect(screen.getByTestId("render-status")).toHaveTextContent("Not drawn");

    await fireEvent.click(row("seal"));
    await fireEvent.click(within(alert).getByRole("button", { name: "Select the layer" }));
    expect(row("title")).toHaveAttribute("aria-selected", "true");
    await fireEvent.input(screen.getByTestId("text-content"), { target: { value: "OK" } });
    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument());
  });

  it("saves with Ctrl+S, and the saved design is listed in the gallery", async () => {
    const backend = start();
    await openTemplate();
    const name = screen.getByRole("textbox", { name: "Design name" });
    await fireEvent.input(name, { target: { value: "Robotics Club" } });
    await fireEvent.keyDown(name, { key: "s", ctrlKey: true });
    await waitFor(() => expect(backend.callsTo("saveDesign")).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId("dirty-marker")).toHaveAttribute("data-dirty", "false"));
    await fireEvent.click(screen.getByTestId("to-gallery"));
    const saved = await screen.findByRole("list", { name: "Your designs" });
    expect(within(saved).getByRole("button", { name: "Open Robotics Club" })).toBeInTheDocument();
  });

  it("asks before leaving a design with unsaved changes", async () => {
    const backend = start();
    await openTemplate();
    await fireEvent.input(screen.getByRole("textbox", { name: "Design name" }), { target: { value: "Chess Club" } });
    await fireEvent.click(screen.getByTestId("to-gallery"));
    const question = screen.getByRole("alertdialog", { name: "Save the changes to “Chess Club”?" });
    await fireEvent.click(within(question).getByRole("button", { name: "Cancel" }));
    expect(screen.getByTestId("designer-editor")).toBeInTheDocument();

    await fireEvent.click(screen.getByTestId("to-gallery"));
    await fireEvent.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Don’t save" }));
    await screen.findByTestId("designer-gallery");
    expect(backend.callsTo("saveDesign")).toHaveLength(0);
  });

  it("opens a design file, and does nothing when the dialog is cancelled", async () => {
    const imported: BadgeDesign = {
      version: 1,
      name: "Imported",
      layers: [{ id: "base", type: "shape", shape: "heart", size: 400, fill: { type: "solid", color: "#e53935" } }],
    };
    start({ importDesign: imported });
    await fireEvent.click(await screen.findByTestId("open-design-file"));
    await screen.findByTestId("designer-editor");
    expect(screen.getByRole("textbox", { name: "Design name" })).toHaveValue("Imported");

    document.body.innerHTML = "";
    const backend = start();
    await fireEvent.click(await screen.findByTestId("open-design-file"));
    await waitFor(() => expect(backend.callsTo("importDesignFile")).toHaveLength(1));
    expect(screen.getByTestId("designer-gallery")).toBeInTheDocument();
  });

  it("deletes a saved design from the gallery, with Undo", async () => {
    const design: BadgeDesign = { version: 1, name: "Old badge", layers: [] };
    const backend = start({
      designs: [
        {
          summary: { id: "d1", name: "Old badge", createdAt: "2026-01-05T10:00:00Z", updatedAt: "2026-01-06T10:00:00Z", thumbnail: null },
          design,
        },
      ],
    });
    const saved = await screen.findByRole("list", { name: "Your designs" });
    await fireEvent.click(within(saved).getByRole("button", { name: "Delete Old badge" }));
    await waitFor(() => expect(screen.queryByRole("list", { name: "Your designs" })).not.toBeInTheDocument());
    await fireEvent.click(await screen.findByRole("button", { name: "Undo" }));
    await waitFor(() => expect(backend.callsTo("restoreDesign")).toHaveLength(1));
    expect(await screen.findByRole("button", { name: "Open Old badge" })).toBeInTheDocument();
  });

  it("renames a layer by double-click, and Escape keeps the old name", async () => {
    start();
    await openTemplate();
    await fireEvent.dblClick(row("ring"));
    const input = screen.getByRole("textbox", { name: "Name of Ring" });
    await waitFor(() => expect(input).toHaveFocus());
    await fireEvent.input(input, { target: { value: "Stitching" } });
    await fireEvent.keyDown(input, { key: "Enter" });
    expect(row("ring")).toHaveTextContent("Stitching");
    await fireEvent.keyDown(row("ring"), { key: "F2" });
    const again = await screen.findByRole("textbox", { name: "Name of Stitching" });
    await fireEvent.input(again, { target: { value: "Something else" } });
    await fireEvent.keyDown(again, { key: "Escape" });
    expect(row("ring")).toHaveTextContent("Stitching");
  });

  it("reorders layers by dragging a row", async () => {
    start();
    await openTemplate();
    const rows = screen.getAllByTestId("layer-row");
    // jsdom lays nothing out: each row 40 px high, one under the other.
    rows.forEach((r, i) => {
      r.getBoundingClientRect = () => ({ top: i * 40, height: 40, bottom: i * 40 + 40, left: 0, right: 200, width: 200, x: 0, y: i * 40, toJSON: () => "" });
    });
    const banner = row("banner");
    await fireEvent.pointerDown(banner, { button: 0, clientY: 10, pointerId: 1 });
    await fireEvent.pointerMove(banner, { clientY: 60, pointerId: 1 });
    await fireEvent.pointerMove(banner, { clientY: 110, pointerId: 1 });
    await fireEvent.pointerUp(banner, { clientY: 110, pointerId: 1 });
    expect(screen.getAllByTestId("layer-row").map((r) => r.dataset.layerId)).toEqual(["icon", "title", "banner", "ring", "disc", "seal"]);
    expect(row("banner")).toHaveAttribute("aria-selected", "true");
    // One step to undo.
    await fireEvent.click(screen.getByRole("button", { name: /^Undo/ }));
    expect(screen.getAllByTestId("layer-row")[0]?.dataset.layerId).toBe("banner");
  });

  it("duplicates the selected layer with Ctrl+D, and zooms from the toolbar", async () => {
    start();
    await openTemplate();
    await fireEvent.click(row("icon"));
    await fireEvent.keyDown(row("icon"), { key: "d", ctrlKey: true });
    expect(row("icon-copy")).toHaveAttribute("aria-selected", "true");

    const fit = screen.getByTestId("zoom-fit");
    await fireEvent.click(screen.getByRole("button", { name: /^Zoom in/ }));
    const zoomed = fit.textContent;
    await fireEvent.click(screen.getByRole("button", { name: /^Zoom in/ }));
    expect(fit.textContent).not.toBe(zoomed);
    expect(Number.parseInt(fit.textContent ?? "", 10)).toBeGreaterThan(Number.parseInt(zoomed ?? "", 10));
  });

  it("turns a solid fill into a gradient with three stops, and adds a drop shadow", async () => {
    const backend = start();
    await openTemplate();
    await fireEvent.click(row("banner"));
    await fireEvent.click(screen.getByTestId("fill-type-linear"));
    const stops = screen.getByRole("list", { name: "Fill stops" });
    expect(within(stops).getAllByRole("listitem")).toHaveLength(2);
    await fireEvent.click(screen.getByRole("button", { name: "Add stop" }));
    expect(within(stops).getAllByRole("listitem")).toHaveLength(3);
    await fireEvent.click(screen.getByRole("switch", { name: "Drop shadow" }));
    expect(screen.getByRole("switch", { name: "Drop shadow" })).toHaveAttribute("aria-checked", "true");
    await waitFor(() => {
      const banner = lastRender(backend).design.layers.find((l) => l.id === "banner");
      expect(banner && "fill" in banner && banner.fill.type === "linear" ? banner.fill.stops.length : 0).toBe(3);
      expect(banner?.shadow).toEqual({ dx: 0, dy: 6, blur: 12, color: "#00000059" });
    });
    // Stops can go down to two, not fewer.
    await fireEvent.click(screen.getByRole("button", { name: "Remove stop 3" }));
    expect(screen.getByRole("button", { name: "Remove stop 1" })).toBeDisabled();
  });
});
