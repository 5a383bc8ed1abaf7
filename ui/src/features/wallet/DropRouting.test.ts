// Files dropped on the window go to the Wallet while it is shown, and to the
// Inspector otherwise: exactly one of `walletImportDropped` and `takePending`
// drains the core's queue of dropped files.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import App from "../../app/App.svelte";
import { FakeBackend } from "../../lib/ipc/fake";
import { cardNames, click, startWallet } from "./testing";

/** Once the Inspector (which asks for files given on the command line at start) and the Wallet listen for drops. */
async function started(backend: FakeBackend): Promise<void> {
  await waitFor(() => expect(backend.dropListeners).toBe(2));
}

function overlay(title: string): HTMLElement {
  const found = screen.getByText(title).closest(".overlay");
  if (!(found instanceof HTMLElement)) throw new Error(`no overlay "${title}"`);
  return found;
}

describe("dropping files", () => {
  it("on the Wallet imports them there, not in the Inspector, with the overlay while dragging", async () => {
    const backend = startWallet();
    await screen.findByTestId("wallet-empty");
    await started(backend);
    expect(overlay("Drop to add to your wallet")).not.toHaveClass("visible");
    backend.hover(true);
    await waitFor(() => expect(overlay("Drop to add to your wallet")).toHaveClass("visible"));
    expect(overlay("Drop to inspect")).not.toHaveClass("visible");

    backend.drop(["chess", "photo"]);
    const report = await screen.findByTestId("wallet-import-report");
    expect(backend.callsTo("walletImportDropped").map((c) => c.args)).toEqual([[false]]);
    // Only the Inspector's start asked for files from the command line; the drop was not taken there.
    expect(backend.callsTo("takePending")).toHaveLength(1);
    expect(within(report).getAllByTestId("wallet-import-item").map((i) => i.dataset.result)).toEqual(["added", "not-a-badge"]);
    expect(report).toHaveTextContent("checkmate-in-three.svg");
    expect(overlay("Drop to add to your wallet")).not.toHaveClass("visible");
    await click("wallet-import-done");
    await waitFor(() => expect(cardNames()).toEqual(["Checkmate in Three"]));
    expect(screen.getByTestId("section-wallet")).toHaveAttribute("aria-current", "page");
    expect(screen.queryByRole("listbox", { name: "Opened files" })).not.toBeInTheDocument();
  });

  it("on the Wallet with “Allow network” on lets the import use the network", async () => {
    const backend = startWallet();
    await screen.findByTestId("wallet-empty");
    await started(backend);
    await click("wallet-online");
    backend.drop(["first-aid"]);
    await screen.findByTestId("wallet-import-report");
    expect(backend.callsTo("walletImportDropped").map((c) => c.args)).toEqual([[true]]);
  });

  it("on the Inspector opens them there, even after the Wallet was shown", async () => {
    const backend = startWallet();
    await screen.findByTestId("wallet-empty");
    await started(backend);
    await fireEvent.click(screen.getByTestId("section-inspector"));
    backend.hover(true);
    await waitFor(() => expect(overlay("Drop to inspect")).toHaveClass("visible"));
    expect(overlay("Drop to add to your wallet")).not.toHaveClass("visible");
    backend.drop(["chess"]);
    await screen.findByRole("listbox", { name: "Opened files" });
    expect(backend.callsTo("takePending")).toHaveLength(2);
    expect(backend.callsTo("walletImportDropped")).toHaveLength(0);
    expect(screen.queryByTestId("wallet-import-report")).not.toBeInTheDocument();
  });

  it("on another section goes to the Inspector, which is then shown", async () => {
    const backend = new FakeBackend();
    render(App, { props: { backend, start: "issued" } });
    await waitFor(() => expect(backend.callsTo("takePending")).toHaveLength(2));
    await fireEvent.click(screen.getByTestId("section-wallet"));
    await screen.findByTestId("wallet-empty");
    await started(backend);
    await fireEvent.click(screen.getByTestId("section-issued"));
    backend.drop(["robotics"]);
    await screen.findByRole("listbox", { name: "Opened files" });
    expect(screen.getByTestId("section-inspector")).toHaveAttribute("aria-current", "page");
    expect(backend.callsTo("takePending")).toHaveLength(3);
    expect(backend.callsTo("walletImportDropped")).toHaveLength(0);
  });
});
