import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import App from "../../app/App.svelte";
import { FakeBackend, type FakeOptions } from "../../lib/ipc/fake";
import { CHESS_TEXT, TEAMWORK_TEXT } from "../../lib/ipc/fake-samples";

function start(options: FakeOptions = {}): FakeBackend {
  const backend = new FakeBackend(options);
  render(App, { props: { backend, start: "inspector" } });
  return backend;
}

async function openWithButton(): Promise<void> {
  await fireEvent.click(screen.getByRole("button", { name: /Open files/ }));
  await screen.findByRole("listbox", { name: "Opened files" });
}

function options(): HTMLElement[] {
  return within(screen.getByRole("listbox", { name: "Opened files" })).getAllByRole("option");
}

function selectedOption(): HTMLElement {
  const selected = options().find((o) => o.getAttribute("aria-selected") === "true");
  if (!selected) throw new Error("no file is selected");
  return selected;
}

function detailTitle(): HTMLElement {
  return screen.getByRole("heading", { level: 2 });
}

function paste(text: string, target: EventTarget = document.body): void {
  const event = new Event("paste", { bubbles: true, cancelable: true });
  Object.defineProperty(event, "clipboardData", {
    value: { getData: (type: string) => (type.startsWith("text") ? text : "") },
  });
  target.dispatchEvent(event);
}

let writeText: ReturnType<typeof vi.fn<(text: string) => Promise<void>>>;

beforeEach(() => {
  writeText = vi.fn<(text: string) => Promise<void>>(() => Promise.resolve());
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
});

afterEach(() => {
  Reflect.deleteProperty(navigator, "clipboard");
});

describe("Inspector", () => {
  it("shows the sidebar with the Inspector as the current section", () => {
    start();
    const nav = screen.getByRole("navigation", { name: "Sections" });
    const link = within(nav).getByRole("link", { name: "Inspector" });
    expect(link).toHaveAttribute("aria-current", "page");
    expect(within(nav).getAllByRole("link").map((l) => l.textContent?.trim())).toEqual([
      "Designer",
      "Issuers",
      "Achievements",
      "Issue",
      "Issued log",
      "Wallet",
      "Inspector",
    ]);
    expect(screen.getByText("Badgesmith")).toBeInTheDocument();
  });

  it("shows the empty state, and asks for files given on the command line", async () => {
    const backend = start();
    expect(screen.getByRole("heading", { name: "Drop badge images here" })).toBeInTheDocument();
    expect(screen.getByText(/Open Badges 1\.x, 2\.0 and 3\.0/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Open files/ })).toBeInTheDocument();
    expect(screen.getByText(/or paste a credential with/)).toBeInTheDocument();
    await waitFor(() => expect(backend.callsTo("takePending").length).toBeGreaterThan(0));
    expect(screen.queryByRole("listbox")).not.toBeInTheDocument();
  });

  it("opens files given on the command line at start", async () => {
    start({ pending: ["robotics", "photo"] });
    await screen.findByRole("listbox", { name: "Opened files" });
    expect(options()).toHaveLength(2);
    expect(detailTitle()).toHaveTextContent("Robotics Workshop");
  });

  it("lists opened files and shows the first one's details", async () => {
    const backend = start({ dialog: ["teamwork", "chess", "photo", "broken"] });
    await openWithButton();
    expect(backend.callsTo("openFiles")).toHaveLength(1);

    const rows = options();
    expect(rows).toHaveLength(4);
    expect(rows[0]).toHaveTextContent("teamwork-badge.png");
    expect(rows[0]).toHaveTextContent("OB 3.0");
    expect(rows[2]).toHaveTextContent("No badge");
    expect(rows[3]).toHaveTextContent("Error");
    expect(selectedOption()).toBe(rows[0]);

    expect(detailTitle()).toHaveTextContent("Teamwork Badge");
    expect(screen.getByText("Example Corp")).toBeInTheDocument();
    expect(screen.getByText("PNG image, 512 × 512 px")).toBeInTheDocument();
    const where = screen.getByText("Where it is baked").nextElementSibling;
    expect(where).toHaveTextContent("iTXt chunk openbadgecredential (chunk 1), not compressed");
    expect(within(where as HTMLElement).getByText("openbadgecredential").tagName).toBe("CODE");
    expect(screen.getByText("Content kind").nextElementSibling).toHaveTextContent("JSON");
    // The toolbar keeps an open button.
    expect(screen.getByRole("button", { name: /Open files/ })).toBeInTheDocument();
  });

  it("shows a JSON badge as a tree whose objects fold", async () => {
    start({ dialog: ["teamwork"] });
    await openWithButton();

    const tree = screen.getByRole("group", { name: "Credential" });
    const subject = within(tree).getByRole("button", { name: /^credentialSubject, object/ });
    expect(subject).toHaveAttribute("aria-expanded", "true");
    expect(within(tree).getByText('"achievement"')).toBeInTheDocument();
    // Deeper levels start folded.
    const achievement = within(tree).getByRole("button", { name: /^achievement, object/ });
    expect(achievement).toHaveAttribute("aria-expanded", "false");
    expect(within(tree).queryByText('"criteria"')).not.toBeInTheDocument();

    await fireEvent.click(subject);
    expect(subject).toHaveAttribute("aria-expanded", "false");
    expect(within(tree).queryByText('"achievement"')).not.toBeInTheDocument();
    expect(within(tree).getByText("3 keys")).toBeInTheDocument();

    await fireEvent.click(subject);
    await fireEvent.click(within(tree).getByRole("button", { name: /^achievement, object/ }));
    expect(within(tree).getByText('"criteria"')).toBeInTheDocument();
  });

  it("folds with the keyboard in the tree", async () => {
    start({ dialog: ["teamwork"] });
    await openWithButton();
    const tree = screen.getByRole("group", { name: "Credential" });
    const issuer = within(tree).getByRole("button", { name: /^issuer, object/ });
    issuer.focus();
    await fireEvent.keyDown(issuer, { key: "ArrowLeft" });
    expect(issuer).toHaveAttribute("aria-expanded", "false");
    await fireEvent.keyDown(issuer, { key: "ArrowRight" });
    expect(issuer).toHaveAttribute("aria-expanded", "true");
    await fireEvent.keyDown(issuer, { key: "ArrowDown" });
    expect(document.activeElement).toHaveAccessibleName(/^type, array/);
  });

  it("abbreviates data: URIs and shows them whole on request", async () => {
    start({ dialog: ["teamwork"] });
    await openWithButton();
    await fireEvent.click(screen.getByRole("button", { name: "Expand all" }));
    const tree = screen.getByRole("group", { name: "Credential" });
    const showAll = within(tree).getByRole("button", { name: /Show all/ });
    const shortened = showAll.previousElementSibling;
    expect(shortened?.textContent).toMatch(/^"data:image\/svg\+xml;base64,.{24}…"$/);
    await fireEvent.click(showAll);
    expect(within(tree).getByRole("button", { name: "Show less" }).previousElementSibling?.textContent).not.toContain(
      "…",
    );
  });

  it("shows the raw text exactly", async () => {
    start({ dialog: ["teamwork"] });
    await openWithButton();
    await fireEvent.click(screen.getByRole("button", { name: "Raw" }));
    expect(screen.getByLabelText("Raw embedded text").textContent).toBe(TEAMWORK_TEXT);
    expect(screen.queryByRole("group", { name: "Credential" })).not.toBeInTheDocument();
    await fireEvent.click(screen.getByRole("button", { name: "Decoded" }));
    expect(screen.getByRole("group", { name: "Credential" })).toBeInTheDocument();
  });

  it("shows a JWS badge's decoded header, payload and signature size", async () => {
    start({ dialog: ["chess"] });
    await openWithButton();
    expect(detailTitle()).toHaveTextContent("Checkmate in Three");
    expect(screen.getByText("Content kind").nextElementSibling).toHaveTextContent("JWS (signed JWT)");
    expect(screen.getByText("Where it is baked").nextElementSibling).toHaveTextContent(
      "<openbadges:credential> element, verify attribute",
    );

    expect(screen.getByRole("heading", { name: "Header" })).toBeInTheDocument();
    const header = screen.getByRole("group", { name: "JWS header" });
    expect(within(header).getByText('"EdDSA"')).toBeInTheDocument();

    expect(screen.getByRole("heading", { name: "Payload" })).toBeInTheDocument();
    const payload = screen.getByRole("group", { name: "JWS payload" });
    expect(within(payload).getAllByText('"Riverside School Chess Club"').length).toBeGreaterThan(0);
    expect(screen.getByText(/Signature:/).parentElement).toHaveTextContent("Signature: 64 bytes");

    await fireEvent.click(screen.getByRole("button", { name: "Raw" }));
    expect(screen.getByLabelText("Raw embedded text").textContent).toBe(CHESS_TEXT);
  });

  it("shows a hosted badge's address as text, with its body", async () => {
    start({ dialog: ["first-aid"] });
    await openWithButton();
    expect(screen.getByText("This is a hosted badge: its details live at this address.")).toBeInTheDocument();
    const url = screen.getByText("https://volunteers.example.net/assertions/first-aid-2014-0042.json");
    expect(url.tagName).not.toBe("A");
    expect(screen.getByRole("group", { name: "Assertion" })).toBeInTheDocument();
  });

  it("shows a failed file's error with a friendly title", async () => {
    start({ dialog: ["broken"] });
    await openWithButton();
    expect(detailTitle()).toHaveTextContent("This image is damaged");
    expect(screen.getByText("broken.png: bad CRC in chunk 3 (IDAT).")).toBeInTheDocument();
    expect(options()[0]).toHaveTextContent("Error");
  });

  it("shows warnings in a callout", async () => {
    start({ dialog: ["robotics"] });
    await openWithButton();
    const note = screen.getByRole("note", { name: "Warnings" });
    expect(note).toHaveTextContent("A second badge text (tEXt openbadges, chunk 5) was ignored; the first one is used.");
  });

  it("moves through the list with the arrow keys and goes to the detail with Enter", async () => {
    start({ dialog: ["teamwork", "chess", "photo"] });
    await openWithButton();
    const first = selectedOption();
    first.focus();
    await fireEvent.keyDown(first, { key: "ArrowDown" });
    expect(detailTitle()).toHaveTextContent("Checkmate in Three");
    expect(document.activeElement).toBe(selectedOption());
    await fireEvent.keyDown(selectedOption(), { key: "End" });
    expect(detailTitle()).toHaveTextContent("club-photo.png");
    await fireEvent.keyDown(selectedOption(), { key: "Home" });
    expect(detailTitle()).toHaveTextContent("Teamwork Badge");
    await fireEvent.keyDown(selectedOption(), { key: "Enter" });
    expect(document.activeElement).toBe(detailTitle());
  });

  it("closes the selected file with Delete", async () => {
    const backend = start({ dialog: ["teamwork", "chess"] });
    await openWithButton();
    const id = [...backend.open.keys()][0];
    await fireEvent.keyDown(window, { key: "Delete" });
    await waitFor(() => expect(options()).toHaveLength(1));
    expect(backend.callsTo("closeFile")[0]?.args).toEqual([id]);
    expect(detailTitle()).toHaveTextContent("Checkmate in Three");
  });

  it("closes with Backspace in the list and with the × button, back to the empty state", async () => {
    const backend = start({ dialog: ["teamwork", "broken"] });
    await openWithButton();
    await fireEvent.keyDown(selectedOption(), { key: "Backspace" });
    await waitFor(() => expect(options()).toHaveLength(1));
    await fireEvent.click(screen.getByRole("button", { name: "Close broken.png" }));
    await screen.findByRole("heading", { name: "Drop badge images here" });
    // A failed file has no handle in the core: only the opened one was closed there.
    expect(backend.callsTo("closeFile")).toHaveLength(1);
  });

  it("inspects pasted text", async () => {
    const backend = start();
    paste(TEAMWORK_TEXT);
    await screen.findByRole("listbox", { name: "Opened files" });
    expect(backend.callsTo("inspectText")[0]?.args).toEqual([TEAMWORK_TEXT]);
    expect(detailTitle()).toHaveTextContent("Teamwork Badge");
    expect(options()[0]).toHaveTextContent("Pasted text");
  });

  it("shows why pasted text is no credential", async () => {
    start();
    paste("hello there");
    await screen.findByRole("listbox", { name: "Opened files" });
    expect(await screen.findByText(/not a PNG or SVG image, a JSON credential, a JWT or a URL/)).toBeInTheDocument();
  });

  it("leaves a paste into a text field alone", async () => {
    const backend = start();
    const field = document.createElement("input");
    document.body.append(field);
    paste("hello", field);
    field.remove();
    await Promise.resolve();
    expect(backend.callsTo("inspectText")).toHaveLength(0);
  });

  it("copies the exact embedded text and says so", async () => {
    start({ dialog: ["teamwork"] });
    await openWithButton();
    await fireEvent.click(screen.getByRole("button", { name: "Copy" }));
    expect(writeText).toHaveBeenCalledWith(TEAMWORK_TEXT);
    const status = screen.getByRole("status");
    await within(status).findByText("Copied");
  });

  it("copies with Ctrl+C when no text is selected", async () => {
    start({ dialog: ["chess"] });
    await openWithButton();
    await fireEvent.keyDown(document.body, { key: "c", ctrlKey: true });
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(CHESS_TEXT));
  });

  it("falls back to execCommand when the clipboard API refuses", async () => {
    writeText.mockImplementation(() => Promise.reject(new Error("denied")));
    const execCommand = vi.fn(() => true);
    Object.defineProperty(document, "execCommand", { value: execCommand, configurable: true });
    start({ dialog: ["teamwork"] });
    await openWithButton();
    await fireEvent.click(screen.getByRole("button", { name: "Copy" }));
    await waitFor(() => expect(execCommand).toHaveBeenCalledWith("copy"));
    await within(screen.getByRole("status")).findByText("Copied");
    Reflect.deleteProperty(document, "execCommand");
  });

  it("opens files with Ctrl+O", async () => {
    const backend = start({ dialog: ["photo"] });
    await fireEvent.keyDown(document.body, { key: "o", ctrlKey: true });
    await screen.findByRole("listbox", { name: "Opened files" });
    expect(backend.callsTo("openFiles")).toHaveLength(1);
  });

  it("saves the credential and shows where", async () => {
    const backend = start({ dialog: ["teamwork"] });
    await openWithButton();
    await fireEvent.click(screen.getByRole("button", { name: "Save credential…" }));
    await within(screen.getByRole("status")).findByText("Saved to /home/sam/Documents/teamwork-badge.json");
    expect(backend.callsTo("saveBadgeText")).toHaveLength(1);
  });

  it("bakes a credential into an image, then lists and selects the new file", async () => {
    const backend = start({ dialog: ["photo", "teamwork"] });
    await openWithButton();
    expect(detailTitle()).toHaveTextContent("club-photo.png");
    await fireEvent.click(screen.getByRole("button", { name: "Bake a credential into this image…" }));
    await waitFor(() => expect(options()).toHaveLength(3));
    expect(backend.callsTo("bakeInto")).toHaveLength(1);
    expect(selectedOption()).toHaveTextContent("club-photo-baked.png");
    expect(detailTitle()).toHaveTextContent("Teamwork Badge");
    await within(screen.getByRole("status")).findByText("Saved to /home/sam/Pictures/club-photo-baked.png");
  });

  it("says nothing when baking is cancelled", async () => {
    start({ dialog: ["photo"], bakeCancelled: true });
    await openWithButton();
    await fireEvent.click(screen.getByRole("button", { name: "Bake a credential into this image…" }));
    await Promise.resolve();
    expect(options()).toHaveLength(1);
    expect(within(screen.getByRole("status")).queryByText(/Saved/)).not.toBeInTheDocument();
  });

  it("reports a failed call by its code and message", async () => {
    start({ fail: { openFiles: { code: "io", message: "/home/sam/gone.png: permission denied" } } });
    await fireEvent.click(screen.getByRole("button", { name: /Open files/ }));
    const status = screen.getByRole("status");
    await within(status).findByText("Couldn’t open the files");
    expect(status).toHaveTextContent("/home/sam/gone.png: permission denied.");
  });

  it("adds dropped files and shows the drop overlay while dragging", async () => {
    const backend = start();
    await waitFor(() => expect(backend.callsTo("takePending").length).toBeGreaterThan(0));
    await waitFor(() => expect(backend.callsTo("takePending").length).toBe(2));
    const overlay = screen.getByText("Drop to inspect").closest(".overlay");
    expect(overlay).not.toHaveClass("visible");
    backend.hover(true);
    await waitFor(() => expect(overlay).toHaveClass("visible"));
    backend.drop(["chess", "broken"]);
    await screen.findByRole("listbox", { name: "Opened files" });
    expect(overlay).not.toHaveClass("visible");
    expect(options()).toHaveLength(2);
    expect(detailTitle()).toHaveTextContent("Checkmate in Three");
  });

  it("lists the keyboard shortcuts in a popover", async () => {
    start();
    const button = screen.getByRole("button", { name: "Keyboard shortcuts" });
    await fireEvent.click(button);
    const dialog = screen.getByRole("dialog", { name: "Keyboard shortcuts" });
    expect(dialog).toHaveTextContent("Open files");
    expect(button).toHaveAttribute("aria-expanded", "true");
    await fireEvent.keyDown(window, { key: "Escape" });
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });
});
