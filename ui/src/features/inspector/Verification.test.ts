import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import App from "../../app/App.svelte";
import { FakeBackend, type FakeOptions } from "../../lib/ipc/fake";
import type { Verification } from "../../lib/ipc/gen/Verification";
import type { VerificationCheck } from "../../lib/ipc/gen/VerificationCheck";
import { checkLabel, issuerHost, outcomeLabel, verdictOf } from "../../lib/verification/verification";

function start(options: FakeOptions): FakeBackend {
  const backend = new FakeBackend(options);
  render(App, { props: { backend } });
  return backend;
}

function panel(): HTMLElement {
  return screen.getByRole("region", { name: "Verification" });
}

async function verdict(name: string | RegExp): Promise<HTMLElement> {
  return screen.findByRole("heading", { level: 3, name });
}

function rows(): HTMLElement[] {
  return within(screen.getByRole("list", { name: "Checks" })).getAllByRole("listitem");
}

/** Resolves the fake's pending verifications on demand. */
function gate(): { wait: () => Promise<unknown>; open: () => void } {
  let open = () => undefined as void;
  let promise = new Promise<void>((resolve) => (open = resolve));
  return {
    wait: () => promise,
    open: () => {
      open();
      promise = Promise.resolve();
    },
  };
}

describe("the verification panel", () => {
  it("checks a badge offline as soon as it opens, and says it is verified", async () => {
    const backend = start({ pending: ["chess"] });
    await verdict("Verified");
    expect(screen.getByText("All 6 checks passed.")).toBeInTheDocument();
    const calls = backend.callsTo("verifyFile");
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args).toEqual([1, false]);

    const list = rows();
    expect(list.map((r) => r.querySelector(".label")?.textContent)).toEqual([
      "Readable",
      "Complete",
      "Signature",
      "Issuer’s key",
      "Dates",
      "Revocation",
    ]);
    expect(list[2]).toHaveTextContent("The signature (EdDSA) is intact: nothing was changed since it was signed.");
    // Not by colour alone: every row says its outcome in words.
    for (const row of list) expect(row).toHaveTextContent("Passed");
    expect(screen.queryByRole("button", { name: "Verify online" })).not.toBeInTheDocument();
    expect(screen.queryByText(/contacts the issuer’s website/)).not.toBeInTheDocument();
    // The file list marks the file too, in words for screen readers.
    const option = within(screen.getByRole("listbox", { name: "Opened files" })).getByRole("option");
    expect(option).toHaveTextContent("Verified");
    expect(within(option).getByTitle("Verified")).toBeInTheDocument();
  });

  it("shows a quiet checking state while the checks run", async () => {
    const held = gate();
    start({ pending: ["chess"], verifyGate: held.wait });
    expect(await verdict("Checking…")).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Checks" })).not.toBeInTheDocument();
    held.open();
    await verdict("Verified");
  });

  it("offers to verify online when some checks need the network, and does so on request", async () => {
    const backend = start({ pending: ["teamwork"] });
    await verdict("Checked offline — some checks need the network");
    expect(screen.getByText("Nothing is wrong so far, but 2 checks need the issuer’s website.")).toBeInTheDocument();
    expect(screen.getByText(/This contacts the issuer’s website \(example\.com\)/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Verify online" })).toHaveAccessibleDescription(
      /This contacts the issuer’s website \(example\.com\)/,
    );
    const signature = rows()[2];
    expect(signature).toHaveTextContent("Signature");
    expect(signature).toHaveTextContent("Not checked");
    expect(signature).toHaveTextContent(/can only be looked up online/);

    await fireEvent.click(screen.getByRole("button", { name: "Verify online" }));
    // The button goes away while checking: the keyboard stays on the panel.
    await waitFor(() => expect(document.activeElement).toBe(panel()));
    await verdict("Verified");
    expect(screen.getByText("All 6 checks passed online.")).toBeInTheDocument();
    expect(backend.callsTo("verifyFile").map((c) => c.args)).toEqual([
      [1, false],
      [1, true],
    ]);
    expect(screen.queryByRole("button", { name: "Verify online" })).not.toBeInTheDocument();
  });

  it("keeps the offline checklist, dimmed, while checking online", async () => {
    let online = false;
    const held = gate();
    start({ pending: ["teamwork"], verifyGate: (o) => ((online = o) ? held.wait() : Promise.resolve()) });
    await verdict(/Checked offline/);
    await fireEvent.click(screen.getByRole("button", { name: "Verify online" }));
    await verdict("Checking online…");
    expect(online).toBe(true);
    expect(screen.getByText("Asking the issuer’s website (example.com).")).toBeInTheDocument();
    expect(rows()).toHaveLength(6);
    expect(screen.queryByRole("button", { name: "Verify online" })).not.toBeInTheDocument();
    held.open();
    await verdict("Verified");
  });

  it("says plainly when a badge is not valid", async () => {
    start({ pending: ["robotics"] });
    await verdict(/Checked offline/);
    await fireEvent.click(screen.getByRole("button", { name: "Verify online" }));
    await verdict("Not valid");
    expect(screen.getByText("Don’t rely on this badge: the Revocation check failed.")).toBeInTheDocument();
    const revocation = rows().find((r) => r.textContent?.includes("Revocation"));
    expect(revocation).toHaveTextContent("Failed");
    expect(revocation).toHaveTextContent("The issuer has revoked this badge (awarded to the wrong person).");
  });

  it("shows an error from the core as one sentence, and tries again on request", async () => {
    const backend = start({
      pending: ["chess"],
      fail: { verifyFile: { code: "io", message: "checkmate-in-three.svg: the file could not be read" } },
    });
    await verdict("Couldn’t verify this badge");
    expect(screen.getByText("checkmate-in-three.svg: the file could not be read.")).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Checks" })).not.toBeInTheDocument();
    await fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(backend.callsTo("verifyFile")).toHaveLength(2));
    expect(backend.callsTo("verifyFile")[1]?.args).toEqual([1, false]);
  });

  it("shows no panel for a file without a badge", async () => {
    const backend = start({ pending: ["photo", "broken"] });
    await screen.findByRole("listbox", { name: "Opened files" });
    expect(screen.getByText(/No Open Badge is baked into this image/)).toBeInTheDocument();
    expect(screen.queryByRole("heading", { level: 3, name: /Verified|Checking|Not valid/ })).not.toBeInTheDocument();
    expect(backend.callsTo("verifyFile")).toHaveLength(0);
  });

  it("keeps each file's report when moving between files", async () => {
    start({ pending: ["chess", "robotics"] });
    await screen.findByRole("listbox", { name: "Opened files" });
    await verdict("Verified");
    const list = screen.getByRole("listbox", { name: "Opened files" });
    await fireEvent.click(within(list).getByText("robotics-workshop-2016.png"));
    await verdict(/Checked offline/);
    await fireEvent.click(within(list).getByText("checkmate-in-three.svg"));
    await verdict("Verified");
  });

  it("forgets the check of a file closed while it runs", async () => {
    const held = gate();
    const backend = start({ pending: ["chess", "teamwork"], verifyGate: held.wait });
    await verdict("Checking…");
    await fireEvent.click(screen.getByRole("button", { name: "Close checkmate-in-three.svg" }));
    await waitFor(() => expect(screen.getAllByRole("option")).toHaveLength(1));
    held.open();
    await verdict(/Checked offline/);
    expect(backend.callsTo("verifyFile").map((c) => c.args[0])).toEqual([1, 2]);
    expect(screen.getByRole("option")).toHaveTextContent("Checked offline");
  });

  it("reaches the online button with the keyboard", async () => {
    start({ pending: ["teamwork"] });
    await verdict(/Checked offline/);
    const button = screen.getByRole("button", { name: "Verify online" });
    expect(button.tagName).toBe("BUTTON");
    expect(button).not.toHaveAttribute("tabindex", "-1");
    expect(panel()).toContainElement(button);
  });
});

// ---------------------------------------------------------------- the words

const check = (id: string, status: VerificationCheck["status"]): VerificationCheck => ({ id, status, message: "…" });

function report(checks: VerificationCheck[], more: Partial<Verification> = {}): Verification {
  return {
    valid: !checks.some((c) => c.status === "fail"),
    format: "ob3-json",
    checks,
    needsNetwork: false,
    online: false,
    issuerName: null,
    issuerId: null,
    achievementName: null,
    validFrom: null,
    validUntil: null,
    ...more,
  };
}

describe("the verification's words", () => {
  it("names every check for people", () => {
    expect(["parse", "schema", "proof", "issuer-key", "dates", "status", "recipient"].map(checkLabel)).toEqual([
      "Readable",
      "Complete",
      "Signature",
      "Issuer’s key",
      "Dates",
      "Revocation",
      "Recipient",
    ]);
    expect(checkLabel("endorsement-chain")).toBe("Endorsement chain");
    expect(["pass", "fail", "warn", "skip"].map((o) => outcomeLabel(o as "pass"))).toEqual([
      "Passed",
      "Failed",
      "Warning",
      "Not checked",
    ]);
  });

  it("chooses the verdict", () => {
    expect(verdictOf(report([check("parse", "pass"), check("dates", "warn")]))).toEqual({
      tone: "valid",
      title: "Verified",
      detail: "All 2 checks passed, with 1 warning.",
    });
    expect(verdictOf(report([check("proof", "fail"), check("dates", "fail"), check("status", "skip")]))).toMatchObject({
      tone: "invalid",
      title: "Not valid",
      detail: "Don’t rely on this badge: the Signature and Dates checks failed.",
    });
    expect(verdictOf(report([check("proof", "skip")], { needsNetwork: true }))).toMatchObject({
      tone: "offline",
      detail: "Nothing is wrong so far, but 1 check needs the issuer’s website.",
    });
    expect(verdictOf(report([check("proof", "pass"), check("issuer-key", "skip")], { online: true }))).toMatchObject({
      tone: "partial",
      title: "Partly checked",
    });
  });

  it("finds the issuer's website", () => {
    expect(issuerHost(report([], { issuerId: "https://example.com/issuers/1" }))).toBe("example.com");
    expect(issuerHost(report([], { issuerId: "did:web:school.example%3A8443:issuer" }))).toBe("school.example:8443");
    expect(issuerHost(report([], { issuerId: "did:key:z6Mk" }))).toBeNull();
    expect(issuerHost(report([], { issuerId: null }))).toBeNull();
  });
});
