// The Issuers screen against the fake backend, as people use it.
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEMO_BACKUP, DEMO_PASSPHRASE } from "../../../lib/ipc/fake-issuing";
import { click, start, type } from "../testing";

let writeText: ReturnType<typeof vi.fn<(text: string) => Promise<void>>>;

beforeEach(() => {
  writeText = vi.fn<(text: string) => Promise<void>>(() => Promise.resolve());
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
});

afterEach(() => {
  Reflect.deleteProperty(navigator, "clipboard");
});

async function fillNewIssuer(name: string, passphrase: string, confirm: string): Promise<void> {
  await screen.findByTestId("issuer-form");
  await type("issuer-name", name);
  await type("issuer-passphrase", passphrase);
  await type("issuer-passphrase-confirm", confirm);
}

describe("the Issuers screen", () => {
  it("is in the sidebar after the Designer, addressable by its section", async () => {
    start("issuer");
    const nav = screen.getByRole("navigation", { name: "Sections" });
    const links = within(nav).getAllByRole("link");
    expect(links.map((l) => l.dataset.section)).toEqual(["designer", "issuer", "achievements", "issue", "issued", "wallet", "inspector"]);
    expect(links[1]).toHaveAttribute("aria-current", "page");
    expect(links[1]).toHaveAttribute("data-testid", "section-issuer");
    expect(await screen.findByRole("heading", { level: 1, name: "Issuers" })).toBeInTheDocument();
  });

  it("starts with the create form when there is no issuer, and refuses a short passphrase", async () => {
    const backend = start("issuer");
    await fillNewIssuer("Northside School", "short", "short");
    expect(screen.getByTestId("passphrase-strength")).toHaveTextContent("Too short: 3 more");
    await click("issuer-create");
    expect(await screen.findByText("Use at least 8 characters.")).toBeInTheDocument();
    expect(screen.getByTestId("issuer-passphrase")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("issuer-passphrase")).toHaveFocus();
    expect(backend.callsTo("createIssuer")).toHaveLength(0);
  });

  it("refuses passphrases that are not the same, and a missing name", async () => {
    const backend = start("issuer");
    await fillNewIssuer("", "correct horse battery", "correct horse batery");
    await click("issuer-create");
    expect(await screen.findByText("The two passphrases are not the same.")).toBeInTheDocument();
    expect(screen.getByText("Give the organization’s name.")).toBeInTheDocument();
    expect(screen.getByTestId("issuer-passphrase-confirm")).toHaveAttribute("aria-invalid", "true");
    // The first field in error gets the focus.
    expect(screen.getByTestId("issuer-name")).toHaveFocus();
    expect(backend.callsTo("createIssuer")).toHaveLength(0);
  });

  it("checks e-mail addresses itself, and shows the core's field errors where the field is", async () => {
    const backend = start("issuer");
    await fillNewIssuer("Northside School", "correct horse battery", "correct horse battery");
    await type("issuer-email", "office@northside");
    await click("issuer-create");
    expect(await screen.findByText("This is not an e-mail address.")).toBeInTheDocument();
    expect(backend.callsTo("createIssuer")).toHaveLength(0);
    await type("issuer-email", "office@northside.example");
    // The form lets this through; the core names the field it refuses.
    await type("issuer-status-list-url", "https://northside/status.json");
    await click("issuer-create");
    await waitFor(() =>
      expect(screen.getByTestId("issuer-form")).toHaveTextContent("https://northside/status.json is not an https:// address."),
    );
    expect(backend.callsTo("createIssuer")).toHaveLength(1);
    expect(screen.getByTestId("issuer-status-list-url")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("issuer-status-list-url")).toHaveFocus();
  });

  it("creates an issuer: unlocked, with its DID to copy, and the profile as typed", async () => {
    const backend = start("issuer");
    await fillNewIssuer("Northside School", "correct horse battery", "correct horse battery");
    await type("issuer-url", "https://northside.example");
    await type("issuer-status-list-url", "https://northside.example/status/1.json");
    expect(screen.getByText(/tells verifiers which\s+badges were revoked/)).toBeInTheDocument();
    await click("issuer-create");

    const detail = await screen.findByTestId("issuer-detail");
    expect(within(detail).getByRole("heading", { level: 2, name: "Northside School" })).toBeInTheDocument();
    expect(within(detail).getByTestId("lock-state")).toHaveTextContent("Unlocked");
    const call = backend.callsTo("createIssuer")[0];
    expect(call?.args).toEqual([
      {
        name: "Northside School",
        url: "https://northside.example",
        email: null,
        description: null,
        image: null,
        imageDesignId: null,
        statusListUrl: "https://northside.example/status/1.json",
      },
      "correct horse battery",
    ]);
    const did = screen.getByTestId("issuer-did").textContent ?? "";
    expect(did).toMatch(/^did:key:z6Mk/);
    await click("issuer-copy-did");
    expect(writeText).toHaveBeenCalledWith(did);
    expect(screen.getByTestId("issuer-status-list")).toHaveTextContent("Save status list…");
    // The list on the left has it too.
    expect(within(screen.getByRole("navigation", { name: "Issuers" })).getByTestId("issuer-item")).toHaveTextContent("Northside School");
  });

  it("says so when the unlock passphrase is wrong, and unlocks with the right one", async () => {
    const backend = start("issuer", { issuing: { seed: "demo" } });
    const detail = await screen.findByTestId("issuer-detail");
    expect(within(detail).getByTestId("lock-state")).toHaveTextContent("Locked");
    await type("issuer-unlock-passphrase", "wrong passphrase");
    await click("issuer-unlock");
    expect(await screen.findByText(/That passphrase isn’t right for this issuer/)).toBeInTheDocument();
    expect(screen.getByTestId("issuer-unlock-passphrase")).toHaveAttribute("aria-invalid", "true");
    expect(within(detail).getByTestId("lock-state")).toHaveTextContent("Locked");

    await type("issuer-unlock-passphrase", DEMO_PASSPHRASE);
    await click("issuer-unlock");
    await waitFor(() => expect(within(detail).getByTestId("lock-state")).toHaveTextContent("Unlocked"));
    expect(screen.queryByTestId("unlock-form")).not.toBeInTheDocument();
    expect(backend.callsTo("unlockIssuer").map((c) => c.args[1])).toEqual(["wrong passphrase", DEMO_PASSPHRASE]);

    await click("issuer-lock");
    await waitFor(() => expect(within(detail).getByTestId("lock-state")).toHaveTextContent("Locked"));
    expect(backend.callsTo("lockIssuer")).toHaveLength(1);
  });

  it("backs up the key, saves the status list only when unlocked, and edits the profile", async () => {
    const backend = start("issuer", { issuing: { seed: "demo" } });
    await screen.findByTestId("issuer-detail");
    await click("issuer-backup");
    await waitFor(() => expect(screen.getByTestId("issuer-detail")).toHaveTextContent("Key backed up: /home/sam/Documents/northside-school.badgesmith-key"));
    await click("issuer-status-list");
    expect(await screen.findByText("Unlock the key first")).toBeInTheDocument();
    expect(backend.callsTo("exportStatusList")).toHaveLength(1);

    await click("issuer-edit");
    expect(screen.getByTestId("issuer-name")).toHaveValue("Northside School");
    // No passphrase when editing: the key does not change.
    expect(screen.queryByTestId("issuer-passphrase")).not.toBeInTheDocument();
    await type("issuer-name", "Northside Academy");
    await type("issuer-status-list-url", "");
    await click("issuer-save");
    const detail = await screen.findByTestId("issuer-detail");
    expect(within(detail).getByRole("heading", { level: 2 })).toHaveTextContent("Northside Academy");
    expect(screen.queryByTestId("issuer-status-list")).not.toBeInTheDocument();
    expect(backend.callsTo("updateIssuer")[0]?.args[1]).toMatchObject({ name: "Northside Academy", statusListUrl: null });
  });

  it("restores an issuer from a backup, asking the passphrase again when wrong", async () => {
    const backend = start("issuer");
    await screen.findByTestId("issuer-form");
    await fireEvent.click(screen.getByRole("button", { name: "Restore it from a backup" }));
    await type("issuer-restore-passphrase", "not the one");
    await click("issuer-restore-choose");
    expect(await screen.findByText("That passphrase doesn’t open this backup.")).toBeInTheDocument();
    await type("issuer-restore-passphrase", DEMO_BACKUP.passphrase);
    await click("issuer-restore-choose");
    const detail = await screen.findByTestId("issuer-detail");
    expect(within(detail).getByRole("heading", { level: 2 })).toHaveTextContent("Riverside Scouts");
    expect(backend.callsTo("restoreIssuer")).toHaveLength(2);
  });

  it("imports an existing key from its seed, explaining a bad seed", async () => {
    const backend = start("issuer");
    await screen.findByTestId("issuer-form");
    await click("issuer-import-start");
    expect(await screen.findByRole("heading", { name: "Import an existing key" })).toBeInTheDocument();
    await type("issuer-name", "Old Tool School");
    await type("issuer-seed", "abc123");
    await type("issuer-passphrase", "a new passphrase");
    await type("issuer-passphrase-confirm", "a new passphrase");
    await click("issuer-import");
    expect(await screen.findByText(/64 hexadecimal digits or as multibase/)).toBeInTheDocument();
    expect(screen.getByTestId("issuer-seed")).toHaveAttribute("aria-invalid", "true");
    await type("issuer-seed", "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    await click("issuer-import");
    await screen.findByTestId("issuer-detail");
    expect(backend.callsTo("importIssuerSeed")[1]?.args.slice(1)).toEqual([
      "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
      "a new passphrase",
    ]);
  });
});
