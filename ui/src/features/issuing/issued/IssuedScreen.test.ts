// The issued log against the fake backend.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import App from "../../../app/App.svelte";
import { FakeBackend } from "../../../lib/ipc/fake";
import { DEMO_PASSPHRASE } from "../../../lib/ipc/fake-issuing";
import { addAchievement, click, start, type } from "../testing";

function rows(): HTMLElement[] {
  return screen.getAllByTestId("issued-row");
}

function row(name: string): HTMLElement {
  const found = rows().find((r) => r.textContent?.includes(name));
  if (!found) throw new Error(`no row for ${name}`);
  return found;
}

describe("the issued log", () => {
  it("lists the badges newest first, with active, revoked and expired in words", async () => {
    start("issued", { issuing: { seed: "demo" } });
    await screen.findAllByTestId("issued-row");
    expect(screen.getByTestId("issued-count")).toHaveTextContent("12 badges issued");
    expect(rows()).toHaveLength(12);
    expect(rows()[0]).toHaveTextContent("Lea Roth");
    const table = screen.getByRole("table", { name: "Issued badges" });
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent?.trim())).toEqual([
      "Recipient",
      "Achievement",
      "Issued",
      "File",
      "Status",
      "Actions",
    ]);
    expect(row("Dee Ross")).toHaveAttribute("data-status", "revoked");
    expect(row("Dee Ross")).toHaveTextContent("Revoked");
    expect(row("Ben Okafor")).toHaveAttribute("data-status", "expired");
    expect(row("Ben Okafor")).toHaveTextContent("Expired");
    expect(row("Ana Lima")).toHaveTextContent("Active");
    expect(row("Ana Lima")).toHaveTextContent("ana@pupils.northside.example");
    expect(row("Ana Lima")).toHaveTextContent("first-aid-basics-ana-lima.png");
  });

  it("searches as you type, and says when nothing matches", async () => {
    const backend = start("issued", { issuing: { seed: "demo" } });
    await screen.findAllByTestId("issued-row");
    await type("issued-search", "chess");
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(screen.getByTestId("issued-count")).toHaveTextContent("4 badges match “chess”");
    expect(backend.callsTo("listIssued").at(-1)?.args).toEqual(["chess", 0, 25]);
    await type("issued-search", "nobody-here");
    expect(await screen.findByText(/Nothing matches/)).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  it("loads more when there are more than a page", async () => {
    const backend = new FakeBackend({ issuing: { seed: "demo" } });
    render(App, { props: { backend, start: "issued" } });
    await screen.findAllByTestId("issued-row");
    // The fake's demo has 12; the page is 25: no button.
    expect(screen.queryByTestId("issued-more")).not.toBeInTheDocument();
    document.body.innerHTML = "";

    const { achievementId } = addAchievement(backend);
    const recipient = { name: null, evidenceUrl: null, evidenceNarrative: null, validFrom: null, validUntil: null };
    for (let i = 0; i < 20; i++) {
      await backend.issueOne(achievementId, { ...recipient, identity: `pupil${i}@example.org` }, { format: "png", proof: "di", size: 512 });
    }
    render(App, { props: { backend, start: "issued" } });
    await waitFor(() => expect(rows()).toHaveLength(25));
    expect(screen.getByText("Showing 25 of 32")).toBeInTheDocument();
    await click("issued-more");
    await waitFor(() => expect(rows()).toHaveLength(32));
    expect(screen.queryByTestId("issued-more")).not.toBeInTheDocument();
    expect(backend.callsTo("listIssued").at(-1)?.args).toEqual(["", 25, 25]);
    expect(new Set(rows().map((r) => r.dataset.credentialId)).size).toBe(32);
  });

  it("saves a badge again", async () => {
    const backend = start("issued", { issuing: { seed: "demo" } });
    await screen.findAllByTestId("issued-row");
    await fireEvent.click(within(row("Ana Lima")).getByTestId("issued-save-again"));
    expect(await screen.findByText("/home/sam/Pictures/first-aid-basics-ana-lima.png")).toBeInTheDocument();
    expect(backend.callsTo("exportIssued")[0]?.args).toEqual([row("Ana Lima").dataset.credentialId]);
  });

  it("revokes after asking, unlocking the issuer in the dialog, and says where to upload the status list", async () => {
    const backend = start("issued", { issuing: { seed: "demo" } });
    await screen.findAllByTestId("issued-row");
    const ana = row("Ana Lima");
    const id = ana.dataset.credentialId;
    await fireEvent.click(within(ana).getByTestId("issued-revoke"));
    const dialog = await screen.findByRole("alertdialog", { name: "Revoke this badge?" });
    expect(dialog).toHaveTextContent("First Aid Basics, issued to Ana Lima (ana@pupils.northside.example)");
    // The demo school is locked: the dialog unlocks it first.
    expect(within(dialog).getByTestId("revoke-confirm")).toBeDisabled();
    await type("issuer-unlock-passphrase", "wrong one");
    await click("issuer-unlock");
    expect(await within(dialog).findByText(/That passphrase isn’t right/)).toBeInTheDocument();
    await type("issuer-unlock-passphrase", DEMO_PASSPHRASE);
    await click("issuer-unlock");
    await waitFor(() => expect(within(dialog).getByTestId("revoke-confirm")).toBeEnabled());

    await type("revoke-reason", "Issued to the wrong pupil");
    await click("revoke-confirm");
    const done = await screen.findByRole("dialog", { name: "The badge is revoked" });
    expect(done).toHaveTextContent("upload the status-list file to its address");
    expect(within(done).getByTestId("revoke-url")).toHaveTextContent("https://northside.example/badges/status/1.json");
    expect(within(done).getByTestId("revoke-file")).toHaveTextContent("1.json");
    expect(backend.callsTo("revokeIssued")[0]?.args).toEqual([id, "Issued to the wrong pupil"]);
    await click("revoke-close");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(row("Ana Lima")).toHaveAttribute("data-status", "revoked");
    // Already revoked: not again.
    expect(within(row("Ana Lima")).getByTestId("issued-revoke")).toHaveAttribute("aria-disabled", "true");
  });

  it("says in the dialog why a revocation failed", async () => {
    start("issued", {
      issuing: { seed: "demo" },
      fail: { revokeIssued: { code: "io", message: "status/1.json: no space left on device" } },
    });
    await screen.findAllByTestId("issued-row");
    await fireEvent.click(within(row("Ana Lima")).getByTestId("issued-revoke"));
    const dialog = await screen.findByRole("alertdialog", { name: "Revoke this badge?" });
    await type("issuer-unlock-passphrase", DEMO_PASSPHRASE);
    await click("issuer-unlock");
    await waitFor(() => expect(within(dialog).getByTestId("revoke-confirm")).toBeEnabled());
    await click("revoke-confirm");
    expect(await within(dialog).findByText(/no space left on device/)).toBeInTheDocument();
  });

  it("closes the revoke question with Escape or Cancel without revoking", async () => {
    const backend = start("issued", { issuing: { seed: "demo" } });
    await screen.findAllByTestId("issued-row");
    await fireEvent.click(within(row("Ana Lima")).getByTestId("issued-revoke"));
    const dialog = await screen.findByRole("alertdialog");
    await fireEvent.keyDown(dialog, { key: "Escape" });
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    await fireEvent.click(within(row("Ana Lima")).getByTestId("issued-revoke"));
    await fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(backend.callsTo("revokeIssued")).toHaveLength(0);
  });

  it("explains why a badge issued without a status list can't be revoked", async () => {
    const backend = new FakeBackend();
    const { achievementId } = addAchievement(backend);
    const recipient = { identity: "kim@example.org", name: "Kim", evidenceUrl: null, evidenceNarrative: null, validFrom: null, validUntil: null };
    await backend.issueOne(achievementId, recipient, { format: "svg", proof: "di", size: 512 });
    render(App, { props: { backend, start: "issued" } });
    const kim = await screen.findByTestId("issued-row");
    const revoke = within(kim).getByTestId("issued-revoke");
    expect(revoke).toHaveAttribute("aria-disabled", "true");
    expect(revoke.closest("[title]")).toHaveAttribute("title", "It was issued without a status-list URL, so it can’t be revoked.");
    expect(revoke).toHaveAccessibleDescription("It was issued without a status-list URL, so it can’t be revoked.");
    await fireEvent.click(revoke);
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  });
});
