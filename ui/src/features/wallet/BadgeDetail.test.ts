// The open badge against the fake backend: what it says, verifying it again,
// "Is this mine?", tags, note, collections, exporting and the trash.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { SAMPLE_OWNER } from "../../lib/ipc/fake-wallet-samples";
import { card, cardNames, cards, click, facet, gate, openBadge, startWithSamples, toasts, type } from "./testing";

describe("the badge details", () => {
  it("show the picture, what the badge says, and the verification checklist", async () => {
    await startWithSamples();
    const detail = await openBadge("Safeguarding Essentials");
    expect(card("Safeguarding Essentials")).toHaveAttribute("aria-pressed", "true");
    expect(within(detail).getByRole("img", { name: "The picture of the badge “Safeguarding Essentials”" })).toBeInTheDocument();
    expect(detail).toHaveTextContent("Issued by Northside School");
    expect(detail).toHaveTextContent("Knows how to recognise, respond to and report concerns");
    expect(detail).toHaveTextContent("Completed the three-hour safeguarding course");
    expect(detail).toHaveTextContent("https://northside.example/badges/safeguarding");
    expect(detail).toHaveTextContent("September 12, 2028");
    expect(within(detail).getByTestId("wallet-issuer-id")).toHaveTextContent("did:key:z6MkrHKzgsahxBLyNAbLQyB1pcWNYC9GmywiWPgkrvntAZcj");
    expect(detail).toHaveTextContent("Scenario quiz");
    expect(detail).toHaveTextContent("Safeguard children ESCO · S3.2.4");

    const checklist = within(detail).getByTestId("wallet-checklist");
    const panel = within(checklist).getByRole("region", { name: "Verification" });
    expect(within(panel).getByRole("heading", { level: 3 })).toHaveTextContent("Checked offline — some checks need the network");
    const checks = within(panel).getAllByRole("listitem").map((li) => li.textContent?.trim() ?? "");
    expect(checks[2]).toMatch(/^Signature.*intact.*Passed$/);
    expect(checks.at(-1)).toMatch(/^Revocation.*only read online.*Not checked$/);

    const raw = within(detail).getByTestId("wallet-raw");
    expect(raw.tagName).toBe("DETAILS");
    expect(within(raw).getByText(/"OpenBadgeCredential"/)).toBeInTheDocument();
  });

  it("close with Escape or the close button, and the keyboard goes back to the card", async () => {
    await startWithSamples();
    await openBadge("Intro to Python");
    await fireEvent.keyDown(document.body, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("wallet-detail")).not.toBeInTheDocument());
    expect(card("Intro to Python")).toHaveFocus();
    const detail = await openBadge("Intro to Python");
    await click("wallet-detail-close", detail);
    expect(screen.queryByTestId("wallet-detail")).not.toBeInTheDocument();
  });

  it("verify again offline, and online only once the network is allowed", async () => {
    const hold = gate();
    const backend = await startWithSamples({ gate: (what) => (what === "reverify" ? hold.wait() : Promise.resolve()) });
    const detail = await openBadge("Intro to Python");
    const online = within(detail).getByTestId("wallet-reverify-online");
    expect(online).toBeDisabled();
    expect(detail).toHaveTextContent("turn on “Allow network” first");

    await click("wallet-reverify", detail);
    expect(await within(detail).findByRole("heading", { name: "Checking…" })).toBeInTheDocument();
    expect(within(detail).getByTestId("wallet-reverify")).toBeDisabled();
    hold.open();
    await waitFor(() => expect(within(detail).getByTestId("wallet-reverify")).toBeEnabled());
    expect(backend.callsTo("walletReverify")[0]?.args).toEqual([card("Intro to Python").dataset.badgeId, false]);

    await fireEvent.click(screen.getByRole("switch", { name: "Allow network" }));
    expect(online).toBeEnabled();
    await fireEvent.click(online);
    expect(await within(detail).findByRole("heading", { name: "Checking online…" })).toBeInTheDocument();
    hold.open();
    await waitFor(() => expect(within(detail).getByTestId("wallet-checklist")).toHaveTextContent("Verified"));
    expect(backend.callsTo("walletReverify")[1]?.args[1]).toBe(true);
    // The new status shows on the card and in the status counts.
    await waitFor(() => expect(card("Intro to Python")).toHaveTextContent("Valid"));
    await waitFor(() => expect(facet("wallet-filter-status", "Valid")).toHaveTextContent("5"));
  });

  it("say when the verification itself fails", async () => {
    await startWithSamples({}, { fail: { walletReverify: { code: "io", message: "the status list could not be read" } } });
    const detail = await openBadge("Intro to Python");
    await click("wallet-reverify", detail);
    expect(await within(detail).findByText("Couldn’t verify this badge")).toBeInTheDocument();
    expect(detail).toHaveTextContent("the status list could not be read.");
  });

  it("warn when another badge has the same id, and open it", async () => {
    await startWithSamples();
    const detail = await openBadge("Data Literacy (Distinction)");
    const warning = within(detail).getByTestId("wallet-same-id");
    expect(warning).toHaveTextContent("Another badge in your wallet has the same id but different content.");
    expect(within(detail).getByTestId("wallet-checklist")).toHaveTextContent("Not valid");
    await fireEvent.click(within(warning).getByRole("button", { name: "Show the other badge" }));
    await waitFor(() => expect(within(detail).getByTestId("wallet-detail-name")).toHaveTextContent("Data Literacy Foundations"));
  });

  it("answer “Is this mine?” for a hashed e-mail address", async () => {
    const backend = await startWithSamples();
    const detail = await openBadge("Safeguarding Essentials");
    expect(detail).toHaveTextContent("E-mail address (hashed)");
    await click("wallet-mine-check", detail);
    expect(detail).toHaveTextContent("Type an e-mail address, a DID or a web address.");
    expect(backend.callsTo("walletCheckRecipient")).toHaveLength(0);

    await type("wallet-mine-input", "someone.else@example.org", detail);
    await click("wallet-mine-check", detail);
    const no = await within(detail).findByTestId("wallet-mine-result");
    expect(no).toHaveAttribute("data-matches", "false");
    expect(no).toHaveTextContent("No: the badge’s hashed e-mail address isn’t that of someone.else@example.org.");

    await type("wallet-mine-input", SAMPLE_OWNER, detail);
    await click("wallet-mine-check", detail);
    await waitFor(() => expect(within(detail).getByTestId("wallet-mine-result")).toHaveAttribute("data-matches", "true"));
    expect(within(detail).getByTestId("wallet-mine-result")).toHaveTextContent(`Yes: this badge was issued to ${SAMPLE_OWNER}.`);
    expect(backend.callsTo("walletCheckRecipient").at(-1)?.args).toEqual([card("Safeguarding Essentials").dataset.badgeId, SAMPLE_OWNER]);
  });

  it("add and remove tags, and the tag filter follows", async () => {
    const backend = await startWithSamples();
    const detail = await openBadge("Intro to Python");
    const input = within(detail).getByTestId("wallet-tag-input");
    await fireEvent.input(input, { target: { value: "CV" } });
    await fireEvent.keyDown(input, { key: "Enter" });
    await waitFor(() => expect(backend.callsTo("walletSetTags").at(-1)?.args[1]).toEqual(["work", "CV"]));
    await waitFor(() => expect(facet("wallet-filter-tag", "CV")).toHaveTextContent("1"));
    await fireEvent.click(within(detail).getByRole("button", { name: "Remove work" }));
    await waitFor(() => expect(backend.callsTo("walletSetTags").at(-1)?.args[1]).toEqual(["CV"]));
    await waitFor(() => expect(facet("wallet-filter-tag", "work")).toHaveTextContent("3"));
  });

  it("save the note when the field is left, and only when it changed", async () => {
    const backend = await startWithSamples();
    const detail = await openBadge("Safeguarding Essentials");
    const note = within(detail).getByTestId("wallet-note");
    expect(note).toHaveValue("Needed for the after-school club. Renew before September 2028.");
    await fireEvent.focusOut(note);
    expect(backend.callsTo("walletSetNote")).toHaveLength(0);
    await fireEvent.input(note, { target: { value: "Renewed in 2028." } });
    await fireEvent.focusOut(note);
    await waitFor(() => expect(within(detail).getByTestId("wallet-note-saved")).toHaveTextContent("Note saved"));
    expect(backend.callsTo("walletSetNote")).toHaveLength(1);
    expect(backend.callsTo("walletSetNote")[0]?.args[1]).toBe("Renewed in 2028.");
  });

  it("put the badge in a collection and take it out", async () => {
    const backend = await startWithSamples();
    const detail = await openBadge("Intro to Python");
    const cv = within(detail).getByRole("checkbox", { name: "CV" });
    expect(cv).not.toBeChecked();
    expect(facet("wallet-filter-collection", "CV")).toHaveTextContent("2");
    await fireEvent.click(cv);
    await waitFor(() => expect(facet("wallet-filter-collection", "CV")).toHaveTextContent("3"));
    expect(cv).toBeChecked();
    expect(backend.callsTo("walletSetMembership")[0]?.args).toEqual([expect.stringMatching(/^col-/), [card("Intro to Python").dataset.badgeId], true]);
    await fireEvent.click(cv);
    await waitFor(() => expect(facet("wallet-filter-collection", "CV")).toHaveTextContent("2"));
  });

  it("export the image as received and the credential, and a cancelled dialog says nothing", async () => {
    const backend = await startWithSamples();
    const detail = await openBadge("Safeguarding Essentials");
    await click("wallet-export-original", detail);
    expect(await within(toasts()).findByText("/home/sam/Documents/safeguarding-essentials.png")).toBeInTheDocument();
    await click("wallet-export-credential", detail);
    expect(await within(toasts()).findByText("/home/sam/Documents/safeguarding-essentials.json")).toBeInTheDocument();
    expect(backend.callsTo("walletExportBadge").map((c) => c.args[1])).toEqual(["original", "credential"]);

    // A JWT came as no image: only the credential can be exported.
    const jwt = await openBadge("Climate Workshop Facilitator");
    expect(within(jwt).queryByTestId("wallet-export-original")).not.toBeInTheDocument();
  });
});

describe("the trash", () => {
  it("takes a badge, with Undo on the toast", async () => {
    const backend = await startWithSamples();
    const detail = await openBadge("Intro to Python");
    await click("wallet-trash", detail);
    await waitFor(() => expect(cardNames()).not.toContain("Intro to Python"));
    expect(screen.queryByTestId("wallet-detail")).not.toBeInTheDocument();
    expect(screen.getByTestId("wallet-trash-count")).toHaveTextContent("2");
    expect(within(toasts()).getByText("“Intro to Python” is in the trash")).toBeInTheDocument();
    await fireEvent.click(within(toasts()).getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(cardNames()).toContain("Intro to Python"));
    expect(screen.getByTestId("wallet-trash-count")).toHaveTextContent("1");
    expect(backend.callsTo("walletRestore")).toHaveLength(1);
  });

  it("takes the open badge with the Delete key, and the keyboard moves to the next card", async () => {
    const backend = await startWithSamples();
    const ids = cards().map((c) => c.dataset.badgeId);
    await openBadge("Workshop Facilitation");
    await fireEvent.keyDown(document.body, { key: "Delete" });
    await waitFor(() => expect(cards()).toHaveLength(7));
    expect(backend.callsTo("walletTrash")[0]?.args).toEqual([[ids[1]]]);
    expect(cards()[1]).toHaveFocus();
    // Not while typing.
    await openBadge("Safeguarding Essentials");
    await fireEvent.keyDown(screen.getByTestId("wallet-mine-input"), { key: "Delete" });
    expect(backend.callsTo("walletTrash")).toHaveLength(1);
  });

  it("lists what is in it; a badge there can be restored or deleted for good, and the trash emptied", async () => {
    const backend = await startWithSamples();
    await click("wallet-trash-view");
    await waitFor(() => expect(cardNames()).toEqual(["Story Time Reader"]));
    expect(screen.getByTestId("wallet-trash-view")).toHaveAttribute("aria-pressed", "true");
    expect(card("Story Time Reader")).toHaveTextContent(/Trashed/);
    let detail = await openBadge("Story Time Reader");
    expect(within(detail).queryByTestId("wallet-trash")).not.toBeInTheDocument();
    await click("wallet-restore", detail);
    await waitFor(() => expect(cards()).toHaveLength(0));
    expect(screen.getByText("The trash is empty.")).toBeInTheDocument();

    await click("wallet-all");
    await waitFor(() => expect(cards()).toHaveLength(9));
    await openBadge("Story Time Reader");
    await click("wallet-trash");
    await click("wallet-trash-view");
    await waitFor(() => expect(cardNames()).toEqual(["Story Time Reader"]));
    detail = await openBadge("Story Time Reader");
    await click("wallet-delete-forever", detail);
    const question = await screen.findByRole("alertdialog", { name: "Delete “Story Time Reader” for good?" });
    await fireEvent.click(within(question).getByRole("button", { name: "Cancel" }));
    expect(backend.callsTo("walletDeleteForever")).toHaveLength(0);
    await click("wallet-delete-forever");
    await fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Delete forever" }));
    await waitFor(() => expect(cards()).toHaveLength(0));
    expect(backend.callsTo("walletDeleteForever")).toHaveLength(1);

    await click("wallet-all");
    await waitFor(() => expect(cards()).toHaveLength(8));
    await openBadge("Intro to Python");
    await click("wallet-trash");
    await click("wallet-trash-view");
    await click("wallet-empty-trash");
    await fireEvent.click(within(await screen.findByRole("alertdialog", { name: "Empty the trash?" })).getByRole("button", { name: "Empty trash" }));
    await waitFor(() => expect(backend.callsTo("walletEmptyTrash")).toHaveLength(1));
    expect(await within(toasts()).findByText("1 badge deleted for good")).toBeInTheDocument();
    expect(screen.getByTestId("wallet-trash-count")).toHaveTextContent("0");
  });
});
