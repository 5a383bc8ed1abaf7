// The Wallet screen against the fake backend: adding badges, finding them, and the empty wallet.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { FakeBackend } from "../../lib/ipc/fake";
import { card, cardNames, cards, click, facet, gate, showWallet, startWallet, startWithSamples, toasts, type } from "./testing";

const KNOTS = JSON.stringify({ id: "https://scouts.example/badges/knots/17", name: "Knot Tying" });

function paste(text: string, target: EventTarget = document.body): void {
  const event = new Event("paste", { bubbles: true, cancelable: true });
  Object.defineProperty(event, "clipboardData", { value: { getData: (kind: string) => (kind.startsWith("text") ? text : "") } });
  target.dispatchEvent(event);
}

describe("the Wallet section", () => {
  it("sits after the Issued log and before the Inspector, and opens from the sidebar", async () => {
    const backend = startWallet();
    const nav = screen.getByRole("navigation", { name: "Sections" });
    expect(within(nav).getAllByRole("link").map((l) => l.textContent?.trim())).toEqual([
      "Designer",
      "Issuers",
      "Achievements",
      "Issue",
      "Issued log",
      "Wallet",
      "Inspector",
    ]);
    expect(screen.getByTestId("section-wallet")).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("heading", { level: 1, name: "Wallet" })).toBeInTheDocument();
    await waitFor(() => expect(backend.callsTo("walletFacets").length).toBeGreaterThan(0));
  });
});

describe("the empty wallet", () => {
  it("explains how to add badges, which files work, and that nothing leaves the computer", async () => {
    startWallet();
    const empty = await screen.findByTestId("wallet-empty");
    expect(within(empty).getByRole("heading", { name: "Your wallet is empty" })).toBeInTheDocument();
    expect(empty).toHaveTextContent("Drag badge files or whole folders onto this window");
    expect(empty).toHaveTextContent("PNG and SVG badge images, JSON credentials, JWTs, and the web address (URL) of a hosted badge");
    expect(empty).toHaveTextContent("Nothing leaves this computer unless you turn on “Allow network”");
    for (const id of ["wallet-add-files", "wallet-add-folder", "wallet-paste"]) {
      expect(screen.getAllByTestId(id)).toHaveLength(1);
      expect(within(empty).getByTestId(id)).toBeEnabled();
    }
    expect(screen.queryByTestId("wallet-search")).not.toBeInTheDocument();
    expect(screen.getByRole("switch", { name: "Allow network" })).toHaveAttribute("aria-checked", "false");
  });

  it("adds files and shows what happened to each in the import report", async () => {
    const backend = startWallet();
    await screen.findByTestId("wallet-empty");
    await click("wallet-add-files");
    const report = await screen.findByTestId("wallet-import-report");
    expect(within(report).getByRole("heading", { name: "2 badges added" })).toBeInTheDocument();
    expect(within(report).getByTestId("wallet-import-totals")).toHaveTextContent("2 added · 1 not a badge");
    const items = within(report).getAllByTestId("wallet-import-item");
    expect(items.map((i) => i.dataset.result)).toEqual(["added", "added", "not-a-badge"]);
    expect(items[1]).toHaveTextContent("Checkmate in Three");
    expect(items[1]).toHaveTextContent("checkmate-in-three.svg");
    expect(items[1]).toHaveTextContent("Valid");
    expect(items[2]).toHaveTextContent("club-photo.png");
    expect(items[2]).toHaveTextContent("No badge is baked into this image.");
    expect(backend.callsTo("walletImportFiles")[0]?.args).toEqual([false]);

    await click("wallet-import-done");
    expect(screen.queryByTestId("wallet-import-report")).not.toBeInTheDocument();
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(screen.queryByTestId("wallet-empty")).not.toBeInTheDocument();
    expect(screen.getByText("2 badges")).toBeInTheDocument();
  });

  it("says how far a running import has come", async () => {
    const hold = gate();
    startWallet({ wallet: { gate: (what) => (what === "import" ? hold.wait() : Promise.resolve()) } });
    await screen.findByTestId("wallet-empty");
    await click("wallet-add-files");
    expect(await screen.findByText(/Adding badges… 0 of 3/)).toBeInTheDocument();
    hold.open();
    expect(await screen.findByTestId("wallet-import-report")).toBeInTheDocument();
    expect(screen.queryByText(/Adding badges/)).not.toBeInTheDocument();
  });

  it("passes “Allow network” to imports once it is on, and a cancelled dialog says nothing", async () => {
    const backend = startWallet({ wallet: { folder: null } });
    await screen.findByTestId("wallet-empty");
    await fireEvent.click(screen.getByRole("switch", { name: "Allow network" }));
    expect(screen.getByTestId("wallet-online")).toHaveAttribute("aria-checked", "true");
    expect(screen.getByTestId("wallet-empty")).toHaveTextContent("“Allow network” is on");
    await click("wallet-add-folder");
    await waitFor(() => expect(backend.callsTo("walletImportFolder")).toHaveLength(1));
    expect(backend.callsTo("walletImportFolder")[0]?.args).toEqual([true]);
    expect(screen.queryByTestId("wallet-import-report")).not.toBeInTheDocument();
    expect(screen.getByTestId("wallet-empty")).toBeInTheDocument();
  });

  it("adds pasted text: added, then already there, and says why other text is no badge", async () => {
    const backend = startWallet();
    await screen.findByTestId("wallet-empty");
    await click("wallet-paste");
    const dialog = await screen.findByRole("dialog", { name: "Paste a badge" });
    await click("wallet-paste-add", dialog);
    expect(dialog).toHaveTextContent("Paste the badge’s text first.");
    expect(backend.callsTo("walletImportText")).toHaveLength(0);

    await type("wallet-paste-text", KNOTS, dialog);
    await click("wallet-paste-add", dialog);
    const report = await screen.findByTestId("wallet-import-report");
    expect(within(report).getByTestId("wallet-import-item")).toHaveAttribute("data-result", "added");
    expect(report).toHaveTextContent("Knot Tying");
    expect(screen.queryByRole("dialog", { name: "Paste a badge" })).not.toBeInTheDocument();
    await click("wallet-import-done");
    await waitFor(() => expect(cardNames()).toEqual(["Knot Tying"]));

    await click("wallet-paste");
    await type("wallet-paste-text", KNOTS);
    await click("wallet-paste-add");
    expect(await screen.findByRole("heading", { name: "Already in your wallet" })).toBeInTheDocument();
    expect(screen.getByTestId("wallet-import-item")).toHaveAttribute("data-result", "already-there");
    await click("wallet-import-done");

    await click("wallet-paste");
    await type("wallet-paste-text", "my favourite badge");
    await click("wallet-paste-add");
    const refused = await screen.findByTestId("wallet-import-item");
    expect(refused).toHaveAttribute("data-result", "not-a-badge");
    expect(refused).toHaveTextContent("It is not a badge image, a JSON credential, a JWT or the address of a hosted badge.");
    expect(screen.getByRole("heading", { name: "No badges added" })).toBeInTheDocument();
  });

  it("adds a badge pasted anywhere outside a text field", async () => {
    const backend = startWallet();
    await screen.findByTestId("wallet-empty");
    paste(KNOTS);
    expect(await screen.findByTestId("wallet-import-report")).toHaveTextContent("Knot Tying");
    expect(backend.callsTo("walletImportText")[0]?.args).toEqual([KNOTS, false]);
  });
});

describe("finding badges", () => {
  it("shows every badge as a card with its name, issuer and status", async () => {
    await startWithSamples();
    expect(cards()).toHaveLength(8);
    expect(screen.getByText("8 badges")).toBeInTheDocument();
    const python = card("Intro to Python");
    expect(python).toHaveTextContent("Open Code Academy");
    expect(python).toHaveTextContent("Unverified");
    expect(python).toHaveAttribute("data-badge-id", expect.stringMatching(/^wb-/));
    expect(card("Community First Responder")).toHaveTextContent("Expired");
    expect(card("Volunteer of the Year 2024")).toHaveTextContent("Revoked");
    expect(card("Data Literacy (Distinction)")).toHaveTextContent("Not valid");
    expect(screen.getByTestId("wallet-trash-count")).toHaveTextContent("1");
  });

  it("searches as you type, and says when nothing matches", async () => {
    const backend = await startWithSamples();
    await type("wallet-search", "literacy");
    await waitFor(() => expect(cardNames()).toEqual(["Data Literacy (Distinction)", "Data Literacy Foundations"]));
    expect(screen.getByTestId("wallet-count")).toHaveTextContent("2 badges of 8 “literacy”");
    expect(backend.callsTo("walletList").at(-1)?.args[0]).toMatchObject({ text: "literacy", trash: false });
    await type("wallet-search", "underwater basket weaving");
    expect(await screen.findByText("No badge matches. Try fewer words, or clear the filters.")).toBeInTheDocument();
    await click("wallet-clear-filters");
    await waitFor(() => expect(cards()).toHaveLength(8));
    expect(screen.getByTestId("wallet-search")).toHaveValue("");
  });

  it("sorts by name, oldest first and recently added", async () => {
    const backend = await startWithSamples();
    expect(cardNames()[0]).toBe("Climate Workshop Facilitator");
    const sort = screen.getByTestId("wallet-sort");
    expect(within(sort).getAllByRole("option").map((o) => o.textContent)).toEqual(["Newest", "Oldest", "Name", "Issuer", "Recently added"]);
    await fireEvent.change(sort, { target: { value: "oldest" } });
    await waitFor(() => expect(cardNames()[0]).toBe("Community First Responder"));
    await fireEvent.change(sort, { target: { value: "name" } });
    await waitFor(() => expect(cardNames().slice(0, 3)).toEqual(["Climate Workshop Facilitator", "Community First Responder", "Data Literacy (Distinction)"]));
    expect(backend.callsTo("walletList").at(-1)?.args[0]).toMatchObject({ sort: "name" });
  });

  it("filters by status with counts, shows the filter, and clears it", async () => {
    await startWithSamples();
    const statuses = screen.getByTestId("wallet-filter-status");
    expect(within(statuses).getAllByRole("button").map((b) => b.textContent?.replace(/\s+/g, " ").trim())).toEqual([
      "Valid 4",
      "Unverified 1",
      "Expired 1",
      "Revoked 1",
      "Not valid 1",
    ]);
    await fireEvent.click(facet("wallet-filter-status", "Expired"));
    await waitFor(() => expect(cardNames()).toEqual(["Community First Responder"]));
    expect(facet("wallet-filter-status", "Expired")).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByText("Status: Expired")).toBeInTheDocument();
    await fireEvent.click(facet("wallet-filter-status", "Valid"));
    await waitFor(() => expect(cards()).toHaveLength(4));
    await fireEvent.click(screen.getByRole("button", { name: "Remove the filter Status: Valid" }));
    await waitFor(() => expect(cards()).toHaveLength(8));
  });

  it("filters by issuer and by tag together", async () => {
    const backend = await startWithSamples();
    await fireEvent.click(facet("wallet-filter-issuer", "City Adult College"));
    await waitFor(() => expect(cards()).toHaveLength(2));
    await fireEvent.click(facet("wallet-filter-tag", "work"));
    await waitFor(() => expect(cardNames()).toEqual(["Data Literacy Foundations"]));
    expect(backend.callsTo("walletList").at(-1)?.args[0]).toMatchObject({ issuer: "did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG", tag: "work" });
    await fireEvent.click(screen.getByTestId("wallet-all"));
    await waitFor(() => expect(cards()).toHaveLength(8));
  });

  it("shows the badges as a list, with name, issuer, date, status and tags", async () => {
    await startWithSamples();
    expect(screen.getByTestId("wallet-view-grid")).toHaveAttribute("aria-pressed", "true");
    await click("wallet-view-list");
    expect(screen.getByTestId("wallet-view-list")).toHaveAttribute("aria-pressed", "true");
    const table = screen.getByRole("table", { name: "Badges" });
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent?.trim())).toEqual(["Name", "Issuer", "Issued", "Status", "Tags"]);
    const row = card("Workshop Facilitation");
    expect(row.tagName).toBe("TR");
    expect(row).toHaveTextContent("Makers Guild");
    expect(row).toHaveTextContent("Valid");
    expect(within(row).getByRole("list", { name: "Tags" })).toHaveTextContent("workteaching");
    await fireEvent.click(row);
    expect(await screen.findByTestId("wallet-detail-name")).toHaveTextContent("Workshop Facilitation");
    expect(row).toHaveAttribute("aria-selected", "true");
  });

  it("focuses the search with / and Ctrl+F", async () => {
    await startWithSamples();
    const search = screen.getByTestId("wallet-search");
    await fireEvent.keyDown(document.body, { key: "/" });
    expect(search).toHaveFocus();
    search.blur();
    await fireEvent.keyDown(document.body, { key: "f", ctrlKey: true });
    expect(search).toHaveFocus();
  });

  it("shows more badges than a page on demand", async () => {
    const backend = new FakeBackend();
    for (let i = 1; i <= 65; i++) await backend.walletImportText(JSON.stringify({ id: `urn:badge:${i}`, name: `Badge ${i}` }), false);
    showWallet(backend);
    await waitFor(() => expect(cards()).toHaveLength(60));
    expect(screen.getByText("Showing 60 of 65")).toBeInTheDocument();
    await click("wallet-more");
    await waitFor(() => expect(cards()).toHaveLength(65));
    expect(backend.callsTo("walletList").at(-1)?.args[0]).toMatchObject({ offset: 60, limit: 60 });
    expect(screen.queryByTestId("wallet-more")).not.toBeInTheDocument();
  });

  it("backs up the wallet and restores a backup", async () => {
    const backend = await startWithSamples();
    await click("wallet-backup");
    expect(await within(toasts()).findByText("The wallet is backed up")).toBeInTheDocument();
    expect(toasts()).toHaveTextContent("/home/sam/Documents/badgesmith-wallet.badgesmith-wallet");
    await click("wallet-restore-backup");
    expect(await within(toasts()).findByText("The backup is restored")).toBeInTheDocument();
    expect(toasts()).toHaveTextContent("1 badge added, 1 already there, 1 collection.");
    await waitFor(() => expect(cards()).toHaveLength(9));
    expect(card("Public Speaking Basics")).toBeInTheDocument();
    expect(backend.callsTo("walletRestoreBackup")).toHaveLength(1);
  });
});
