// The issue wizard against the fake backend: one recipient, and a CSV batch.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { DEMO_PASSPHRASE } from "../../../lib/ipc/fake-issuing";
import type { IssueSettings } from "../../../lib/ipc/gen/IssueSettings";
import type { RecipientInput } from "../../../lib/ipc/gen/RecipientInput";
import { toRfc3339 } from "../forms";
import { click, gate, start, startWith, type } from "../testing";

async function chooseFirstAchievement(): Promise<void> {
  const cards = await screen.findAllByTestId("issue-achievement");
  await fireEvent.click(cards[0] as HTMLElement);
  await screen.findByTestId("issue-chosen");
}

async function chooseCsvMode(): Promise<void> {
  await fireEvent.click(screen.getByTestId("issue-mode-csv"));
  await screen.findByTestId("issue-batch");
}

describe("the issue wizard, one recipient", () => {
  it("starts with the achievements to choose from, as cards", async () => {
    startWith("issue");
    expect(await screen.findByRole("heading", { name: "Which achievement is the badge for?" })).toBeInTheDocument();
    const card = await screen.findByTestId("issue-achievement");
    expect(card).toHaveTextContent("Knot Tying");
    expect(card).toHaveTextContent("Unlocked");
    const steps = screen.getByRole("list", { name: "Steps" });
    expect(within(steps).getAllByRole("listitem")[0]).toHaveAttribute("aria-current", "step");
  });

  it("sends to the Issuers screen when there is nothing to issue yet", async () => {
    start("issue");
    await fireEvent.click(await screen.findByRole("button", { name: "Set up an issuer" }));
    expect(screen.getByRole("link", { name: "Issuers" })).toHaveAttribute("aria-current", "page");
  });

  it("issues a badge, shows it with its checks, saves it, and starts another", async () => {
    const { backend, achievementId } = startWith("issue", {}, { statusListUrl: "https://club.example/status.json" });
    await chooseFirstAchievement();
    await type("recipient-identity", "ana@example.org");
    await type("recipient-name", "Ana Lima");
    await type("recipient-evidence-url", "https://example.org/ana");
    await type("recipient-valid-until", "2030-06-30T17:00");
    await click("issue-submit");

    const result = await screen.findByTestId("issue-result");
    expect(within(result).getByRole("heading", { level: 2 })).toHaveTextContent("Badge issued to Ana Lima");
    expect(within(result).getByRole("heading", { level: 2 })).toHaveFocus();
    expect(within(result).getByTestId("issue-preview").getAttribute("src")).toMatch(/^data:image\//);
    const panel = within(result).getByRole("region", { name: "Verification" });
    expect(panel).toHaveTextContent("Checked offline — some checks need the network");
    expect(within(panel).getByRole("list", { name: "Checks" })).toHaveTextContent("Signature");
    // The panel only reports here: nothing to verify online from the wizard.
    expect(within(panel).queryByRole("button", { name: "Verify online" })).not.toBeInTheDocument();
    expect(result).toHaveTextContent("knot-tying-ana-lima.png");

    const [id, recipient, settings] = backend.callsTo("issueOne")[0]?.args as [string, RecipientInput, IssueSettings];
    expect(id).toBe(achievementId);
    expect(recipient).toMatchObject({
      identity: "ana@example.org",
      name: "Ana Lima",
      evidenceUrl: "https://example.org/ana",
      evidenceNarrative: null,
      validUntil: toRfc3339("2030-06-30T17:00"),
    });
    // Valid from: now by default, sent as RFC 3339 in UTC.
    expect(recipient.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
    expect(Math.abs(Date.parse(recipient.validFrom ?? "") - Date.now())).toBeLessThan(120_000);
    expect(settings).toEqual({ format: "png", proof: "di", size: 512 });

    await click("issue-save");
    expect(backend.callsTo("exportIssued")[0]?.args).toEqual([backend.issuing.issued[0]?.badge.id]);
    expect(await within(result).findByText("/home/sam/Pictures/knot-tying-ana-lima.png")).toBeInTheDocument();

    await click("issue-another");
    expect(screen.getByTestId("recipient-identity")).toHaveValue("");
    expect(screen.getByTestId("recipient-identity")).toHaveFocus();
  });

  it("uses the format, size and proof chosen, with the proof under Advanced", async () => {
    const { backend } = startWith("issue");
    await chooseFirstAchievement();
    await fireEvent.click(screen.getByTestId("issue-format-svg"));
    expect(screen.queryByTestId("issue-size")).not.toBeInTheDocument();
    await fireEvent.click(screen.getByTestId("issue-format-png"));
    await type("issue-size", "20");
    expect(screen.getByText("Give a whole number of pixels from 64 to 4096.")).toBeInTheDocument();
    expect(screen.getByTestId("issue-submit")).toBeDisabled();
    await fireEvent.click(screen.getByTestId("issue-format-svg"));
    expect(screen.getByTestId("issue-submit")).toBeEnabled();
    await fireEvent.click(screen.getByTestId("issue-format-png"));
    expect(screen.getByTestId("issue-submit")).toBeDisabled();
    await type("issue-size", "1024");
    expect(screen.getByText("Advanced").closest("details")).not.toHaveAttribute("open");
    await fireEvent.click(screen.getByTestId("issue-proof-jwt"));
    await type("recipient-identity", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK");
    await click("issue-submit");
    await screen.findByTestId("issue-result");
    expect(backend.callsTo("issueOne")[0]?.args[2]).toEqual({ format: "png", proof: "jwt", size: 1024 });
  });

  it("checks the recipient and the dates before asking the core", async () => {
    const { backend } = startWith("issue");
    await chooseFirstAchievement();
    await click("issue-submit");
    expect(await screen.findByText("Give the recipient’s e-mail address or DID.")).toBeInTheDocument();
    await type("recipient-identity", "ana at example");
    await type("recipient-valid-from", "2030-01-01T10:00");
    await type("recipient-valid-until", "2029-01-01T10:00");
    await click("issue-submit");
    expect(await screen.findByText("This is neither an e-mail address nor a DID (did:…).")).toBeInTheDocument();
    expect(screen.getByText("The badge must expire after it becomes valid.")).toBeInTheDocument();
    expect(screen.getByTestId("recipient-identity")).toHaveFocus();
    expect(backend.callsTo("issueOne")).toHaveLength(0);
  });

  it("offers to unlock a locked issuer in place, and says when the passphrase is wrong", async () => {
    const { backend } = startWith("issue", {}, { locked: true });
    await chooseFirstAchievement();
    const box = screen.getByTestId("unlock-form");
    expect(box).toHaveTextContent("Hillside Club’s key is locked. Unlock it to sign the badges.");
    await type("recipient-identity", "ana@example.org");
    expect(screen.getByTestId("issue-submit")).toBeDisabled();
    expect(screen.getByText("Unlock the issuer above to sign the badge.")).toBeInTheDocument();

    await type("issuer-unlock-passphrase", "not the passphrase");
    await click("issuer-unlock");
    expect(await screen.findByText(/That passphrase isn’t right for this issuer/)).toBeInTheDocument();
    await type("issuer-unlock-passphrase", "a long passphrase");
    await click("issuer-unlock");
    await waitFor(() => expect(screen.queryByTestId("unlock-form")).not.toBeInTheDocument());
    expect(screen.getByTestId("issue-chosen")).toHaveTextContent("Unlocked");
    await click("issue-submit");
    await screen.findByTestId("issue-result");
    expect(backend.callsTo("issueOne")).toHaveLength(1);
  });

  it("starts on an achievement chosen with “Issue” on the Achievements screen", async () => {
    startWith("achievements");
    const card = await screen.findByTestId("achievement-card");
    await fireEvent.click(within(card).getByRole("button", { name: "Issue Knot Tying" }));
    expect(screen.getByRole("link", { name: "Issue" })).toHaveAttribute("aria-current", "page");
    expect(await screen.findByTestId("issue-chosen")).toHaveTextContent("Knot Tying");
    await click("issue-change-achievement");
    expect(await screen.findByTestId("issue-achievement")).toBeInTheDocument();
  });
});

describe("the issue wizard, from a CSV file", () => {
  it("explains the columns before a file is chosen", async () => {
    startWith("issue");
    await chooseFirstAchievement();
    await chooseCsvMode();
    const batch = screen.getByTestId("issue-batch");
    const columns = within(batch).getByRole("table", { name: "The CSV columns" });
    const names = within(columns).getAllByRole("row").slice(1).map((r) => r.querySelector("code")?.textContent);
    expect(names).toEqual(["email", "name", "evidence_url", "evidence_narrative", "valid_from", "valid_until"]);
    expect(batch).toHaveTextContent("the header’s case does not matter");
  });

  it("shows the rows, marks those with errors, and won't issue until they are fixed", async () => {
    const { backend } = startWith("issue", { issuing: { csv: "with-errors" } });
    await chooseFirstAchievement();
    await chooseCsvMode();
    await click("csv-choose");
    const table = await screen.findByTestId("csv-table");
    const rows = within(table).getAllByTestId("csv-row");
    expect(rows.map((r) => r.dataset.line)).toEqual(["2", "3", "4", "5"]);
    expect(rows.map((r) => r.dataset.hasErrors)).toEqual(["false", "true", "true", "false"]);
    expect(rows[1]).toHaveClass("bad");
    expect(screen.getByRole("list", { name: "Errors on line 3" })).toHaveTextContent("ben@@example is neither an e-mail address nor a DID");
    expect(screen.getByTestId("csv-errors")).toHaveTextContent("2 rows have errors.");
    expect(screen.getByTestId("csv-warnings")).toHaveTextContent("The column group is not used.");

    await click("csv-folder");
    expect(screen.getByTestId("csv-folder-path")).toHaveTextContent("/home/sam/Badges/class-of-2026");
    const issue = screen.getByTestId("batch-start");
    expect(issue).toHaveTextContent("Issue 4 badges");
    expect(issue).toBeDisabled();
    expect(screen.getByText("Fix the rows with errors in the CSV file, then choose it again.")).toBeInTheDocument();

    // Fixed: choosing the file again checks it again.
    backend.issuing.setCsv("valid");
    await click("csv-choose");
    await waitFor(() => expect(screen.queryByTestId("csv-errors")).not.toBeInTheDocument());
    expect(screen.getByTestId("batch-start")).toBeEnabled();
    expect(backend.callsTo("startBatch")).toHaveLength(0);
  });

  it("issues with a progress bar, can be cancelled, and summarises; a rerun finishes it", async () => {
    const held = gate();
    const { backend, achievementId } = startWith("issue", { issuing: { batchGate: held.wait } });
    await chooseFirstAchievement();
    await chooseCsvMode();
    await click("csv-choose");
    await screen.findByTestId("csv-table");
    expect(screen.getByTestId("batch-start")).toBeDisabled();
    expect(screen.getByText("Choose the folder the badges go to.")).toBeInTheDocument();
    await click("csv-folder");
    await click("batch-start");

    const bar = await screen.findByRole("progressbar", { name: "Issuing" });
    expect(bar).toHaveAttribute("aria-valuemax", "3");
    expect(screen.getByTestId("issue-change-achievement")).toBeDisabled();
    await waitFor(() => expect(held.waiting()).toBe(1));
    held.open();
    await waitFor(() => expect(bar).toHaveAttribute("aria-valuenow", "1"));
    expect(screen.getByTestId("batch-count")).toHaveTextContent("Issued 1 of 3");

    await click("batch-cancel");
    expect(screen.getByTestId("batch-count")).toHaveTextContent("Stopping after the badges in progress…");
    await waitFor(() => expect(held.waiting()).toBe(1));
    held.open();
    const outcome = await screen.findByTestId("batch-outcome");
    expect(outcome).toHaveTextContent("Cancelled: the rest was not issued");
    expect(within(outcome).getByTestId("outcome-issued")).toHaveTextContent("1");
    expect(within(outcome).getByTestId("outcome-left")).toHaveTextContent("2");
    expect(outcome).toHaveTextContent("/home/sam/Badges/class-of-2026/manifest.json");
    expect(backend.callsTo("startBatch")[0]?.args).toEqual([achievementId, "/home/sam/Badges/class-of-2026", { format: "png", proof: "di", size: 512 }]);

    await click("batch-open-folder");
    expect(backend.callsTo("openFolder")[0]?.args).toEqual(["/home/sam/Badges/class-of-2026"]);

    // Again into the same folder: the rest, without duplicates.
    expect(screen.getByTestId("batch-start")).toHaveTextContent("Issue the rest");
    await click("batch-start");
    for (let i = 0; i < 2; i++) {
      await waitFor(() => expect(held.waiting()).toBe(1));
      held.open();
    }
    await waitFor(() => expect(screen.getByTestId("batch-outcome")).toHaveTextContent("All badges are issued"));
    expect(screen.getByTestId("outcome-issued")).toHaveTextContent("2");
    expect(screen.getByTestId("outcome-already")).toHaveTextContent("1");
    expect(backend.issuing.issued).toHaveLength(3);
    // Done: nothing left to start.
    expect(screen.queryByTestId("batch-start")).not.toBeInTheDocument();
  });

  it("won't start a batch for a locked issuer", async () => {
    const { backend } = startWith("issue", {}, { locked: true });
    await chooseFirstAchievement();
    await chooseCsvMode();
    await click("csv-choose");
    await click("csv-folder");
    await screen.findByTestId("csv-folder-path");
    expect(screen.getByTestId("batch-start")).toBeDisabled();
    expect(screen.getByText("Unlock the issuer above to sign the badges.")).toBeInTheDocument();
    await type("issuer-unlock-passphrase", "a long passphrase");
    await click("issuer-unlock");
    await waitFor(() => expect(screen.getByTestId("batch-start")).toBeEnabled());
    expect(backend.callsTo("unlockIssuer")).toHaveLength(1);
  });
});

describe("the issue wizard with the demo data", () => {
  it("unlocks the demo school and issues to a DID", async () => {
    const backend = start("issue", { issuing: { seed: "demo" } });
    const cards = await screen.findAllByTestId("issue-achievement");
    await fireEvent.click(cards[1] as HTMLElement);
    expect(screen.getByTestId("issue-chosen")).toHaveTextContent("First Aid Basics");
    await type("issuer-unlock-passphrase", DEMO_PASSPHRASE);
    await click("issuer-unlock");
    await type("recipient-identity", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK");
    await waitFor(() => expect(screen.getByTestId("issue-submit")).toBeEnabled());
    await click("issue-submit");
    const result = await screen.findByTestId("issue-result");
    expect(result).toHaveTextContent("Badge issued to did:key:z6Mk");
    expect(backend.issuing.issued).toHaveLength(13);
  });
});
