// Collections against the fake backend: making, naming (unique ignoring case), renaming, exporting and deleting.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { cards, click, facet, openBadge, startWithSamples, toasts, type } from "./testing";

describe("collections", () => {
  it("are made from the sidebar and listed with their counts", async () => {
    const backend = await startWithSamples();
    await click("wallet-new-collection");
    const dialog = await screen.findByRole("dialog", { name: "New collection" });
    expect(within(dialog).getByTestId("wallet-collection-name")).toHaveFocus();
    await type("wallet-collection-name", "  Job applications ", dialog);
    await click("wallet-collection-save", dialog);
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(backend.callsTo("walletCreateCollection")[0]?.args).toEqual(["Job applications"]);
    expect(within(toasts()).getByText("Collection “Job applications” made")).toBeInTheDocument();
    const group = screen.getByTestId("wallet-filter-collection");
    expect(within(group).getAllByRole("button", { pressed: false }).map((b) => b.getAttribute("title"))).toEqual([
      "CV",
      "Job applications",
      "Teaching portfolio",
    ]);
    expect(facet("wallet-filter-collection", "Job applications")).toHaveTextContent("0");
  });

  it("need a name that no other collection has, ignoring case", async () => {
    const backend = await startWithSamples();
    await click("wallet-new-collection");
    const dialog = await screen.findByRole("dialog", { name: "New collection" });
    await click("wallet-collection-save", dialog);
    expect(dialog).toHaveTextContent("Give the collection a name.");
    await type("wallet-collection-name", "teaching PORTFOLIO", dialog);
    await click("wallet-collection-save", dialog);
    expect(dialog).toHaveTextContent("There is already a collection named “Teaching portfolio”.");
    expect(within(dialog).getByTestId("wallet-collection-name")).toHaveAttribute("aria-invalid", "true");
    expect(backend.callsTo("walletCreateCollection")).toHaveLength(0);
    await fireEvent.keyDown(dialog, { key: "Escape" });
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("say under the name what the core refused it for", async () => {
    await startWithSamples({}, { fail: { walletCreateCollection: { code: "already-exists", message: "a collection named \"Trips\" already exists" } } });
    await click("wallet-new-collection");
    const dialog = await screen.findByRole("dialog", { name: "New collection" });
    await type("wallet-collection-name", "Trips", dialog);
    await click("wallet-collection-save", dialog);
    expect(await within(dialog).findByText('A collection named "Trips" already exists.')).toBeInTheDocument();
    expect(screen.getByRole("dialog", { name: "New collection" })).toBeInTheDocument();
  });

  it("can be made from a badge's details, with the badge in it", async () => {
    const backend = await startWithSamples();
    const detail = await openBadge("Intro to Python");
    await fireEvent.click(within(detail).getByRole("button", { name: "New collection…" }));
    const dialog = await screen.findByRole("dialog", { name: "New collection" });
    await type("wallet-collection-name", "Coding", dialog);
    await click("wallet-collection-save", dialog);
    await waitFor(() => expect(within(detail).getByRole("checkbox", { name: "Coding" })).toBeChecked());
    expect(facet("wallet-filter-collection", "Coding")).toHaveTextContent("1");
    expect(backend.callsTo("walletSetMembership")[0]?.args[2]).toBe(true);
  });

  it("are shown with their own bar: rename, export as ZIP or web page, and delete (the badges stay)", async () => {
    const backend = await startWithSamples();
    await fireEvent.click(facet("wallet-filter-collection", "Teaching portfolio"));
    await waitFor(() => expect(cards()).toHaveLength(3));
    const bar = screen.getByTestId("wallet-collection-bar");
    expect(bar).toHaveTextContent("Teaching portfolio");
    expect(bar).toHaveTextContent("3 badges");

    await click("wallet-collection-rename", bar);
    const rename = await screen.findByRole("dialog", { name: "Rename “Teaching portfolio”" });
    expect(within(rename).getByTestId("wallet-collection-name")).toHaveValue("Teaching portfolio");
    await type("wallet-collection-name", "cv", rename);
    await click("wallet-collection-save", rename);
    expect(rename).toHaveTextContent("There is already a collection named “CV”.");
    await type("wallet-collection-name", "Teaching", rename);
    await click("wallet-collection-save", rename);
    await waitFor(() => expect(screen.getByTestId("wallet-collection-bar")).toHaveTextContent("Teaching"));
    expect(facet("wallet-filter-collection", "Teaching")).toHaveAttribute("aria-pressed", "true");
    const id = backend.callsTo("walletRenameCollection")[0]?.args[0];

    await click("wallet-collection-export-zip");
    expect(await within(toasts()).findByText("/home/sam/Documents/teaching.zip")).toBeInTheDocument();
    await click("wallet-collection-export-html");
    expect(await within(toasts()).findByText("/home/sam/Documents/teaching.html")).toBeInTheDocument();
    expect(backend.callsTo("walletExportCollection").map((c) => c.args)).toEqual([
      [id, "zip"],
      [id, "html"],
    ]);

    await click("wallet-collection-delete");
    const question = await screen.findByRole("alertdialog", { name: "Delete the collection “Teaching”?" });
    expect(question).toHaveTextContent("Its badges stay in the wallet");
    await fireEvent.click(within(question).getByRole("button", { name: "Delete collection" }));
    await waitFor(() => expect(cards()).toHaveLength(8));
    expect(screen.queryByTestId("wallet-collection-bar")).not.toBeInTheDocument();
    expect(within(screen.getByTestId("wallet-filter-collection")).queryByTitle("Teaching")).not.toBeInTheDocument();
    expect(backend.callsTo("walletDeleteCollection")[0]?.args).toEqual([id]);
  });
});
