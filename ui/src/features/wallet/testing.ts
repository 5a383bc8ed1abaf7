// Helpers for the Wallet screen's tests: the app on the Wallet, against the fake.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { expect } from "vitest";
import App from "../../app/App.svelte";
import { FakeBackend, type FakeOptions } from "../../lib/ipc/fake";
import type { FakeWalletOptions } from "../../lib/ipc/fake-wallet";

/** The app started on the Wallet against a fresh fake (empty unless `wallet.seed`). */
export function startWallet(options: FakeOptions = {}): FakeBackend {
  return showWallet(new FakeBackend(options));
}

/** The app started on the Wallet against this fake. */
export function showWallet(backend: FakeBackend): FakeBackend {
  render(App, { props: { backend, start: "wallet" } });
  return backend;
}

/** The app on the Wallet with the sample badges; waits for the grid. */
export async function startWithSamples(wallet: FakeWalletOptions = {}, options: FakeOptions = {}): Promise<FakeBackend> {
  const backend = startWallet({ ...options, wallet: { seed: "samples", ...wallet } });
  await screen.findAllByTestId("wallet-card");
  return backend;
}

export function cards(): HTMLElement[] {
  return screen.queryAllByTestId("wallet-card");
}

export function cardNames(): string[] {
  return cards().map((c) => c.querySelector(".name, .open")?.textContent?.trim() ?? "");
}

export function card(name: string): HTMLElement {
  const found = cards().find((c) => c.querySelector(".name, .open")?.textContent?.trim() === name);
  if (!found) throw new Error(`no card for ${name}; there are: ${cardNames().join(", ")}`);
  return found;
}

/** Opens a badge by its name and waits for its details. */
export async function openBadge(name: string): Promise<HTMLElement> {
  await fireEvent.click(card(name));
  const detail = await screen.findByTestId("wallet-detail");
  await waitFor(() => expect(within(detail).getByTestId("wallet-detail-name")).toHaveTextContent(name));
  return detail;
}

/** Types into the field with this test id (as `input` events, as a person would). */
export async function type(testid: string, value: string, root: HTMLElement = document.body): Promise<void> {
  await fireEvent.input(within(root).getByTestId(testid), { target: { value } });
}

export async function click(testid: string, root: HTMLElement = document.body): Promise<void> {
  await fireEvent.click(within(root).getByTestId(testid));
}

/** The facet button of `value` in the filter group with this test id. */
export function facet(group: string, label: string): HTMLElement {
  const found = within(screen.getByTestId(group))
    .getAllByRole("button")
    .find((b) => b.getAttribute("title") === label);
  if (!found) throw new Error(`no ${label} in ${group}`);
  return found;
}

/** The toasts at the foot of the window. */
export function toasts(): HTMLElement {
  const found = screen.getAllByRole("status").find((el) => el.classList.contains("toasts"));
  if (!found) throw new Error("no toasts");
  return found;
}

/** Something the test opens on demand: `wait` is awaited by the fake, `open` lets it go on. */
export function gate(): { wait: () => Promise<unknown>; open: () => void } {
  let release: (() => void)[] = [];
  return {
    wait: () => new Promise<void>((resolve) => release.push(resolve)),
    open: () => {
      const now = release;
      release = [];
      for (const r of now) r();
    },
  };
}
