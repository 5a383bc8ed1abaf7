// Helpers for the issuing screens' tests: the app on a section, against the fake.
import { fireEvent, render, screen } from "@testing-library/svelte";
import App from "../../app/App.svelte";
import { FakeBackend, type FakeOptions } from "../../lib/ipc/fake";
import type { IssuerInput } from "../../lib/ipc/gen/IssuerInput";

export type Section = "issuer" | "achievements" | "issue" | "issued";

/** The app started on `section`, against a fresh fake. */
export function start(section: Section, options: FakeOptions = {}): FakeBackend {
  const backend = new FakeBackend(options);
  render(App, { props: { backend, start: section } });
  return backend;
}

/** Types into the field with this test id (as `input` events, as a person would). */
export async function type(testid: string, value: string): Promise<void> {
  await fireEvent.input(screen.getByTestId(testid), { target: { value } });
}

export async function click(testid: string): Promise<void> {
  await fireEvent.click(screen.getByTestId(testid));
}

/** Something the test opens on demand: `wait` is awaited by the fake, `open` lets it go on. */
export function gate(): { wait: () => Promise<unknown>; open: () => void; waiting: () => number } {
  let release: (() => void)[] = [];
  return {
    wait: () => new Promise<void>((resolve) => release.push(resolve)),
    open: () => {
      const now = release;
      release = [];
      for (const r of now) r();
    },
    waiting: () => release.length,
  };
}

export function issuerInput(overrides: Partial<IssuerInput> = {}): IssuerInput {
  return {
    name: "Hillside Club",
    url: null,
    email: null,
    description: null,
    image: null,
    imageDesignId: null,
    statusListUrl: null,
    ...overrides,
  };
}

/** Adds an issuer (unlocked unless `locked`) with one achievement to the fake; their ids. */
export function addAchievement(
  backend: FakeBackend,
  { locked = false, statusListUrl = null }: { locked?: boolean; statusListUrl?: string | null } = {},
): { issuerId: string; achievementId: string } {
  const issuer = backend.issuing.createIssuer(issuerInput({ statusListUrl }), "a long passphrase");
  if (locked) backend.issuing.lockIssuer(issuer.id);
  const achievement = backend.issuing.saveAchievement(null, {
    issuerId: issuer.id,
    name: "Knot Tying",
    description: "Ties six knots.",
    criteriaNarrative: "Tied six knots in front of a leader.",
    criteriaUrl: null,
    designId: null,
    tags: [],
    alignments: [],
    results: [],
  });
  return { issuerId: issuer.id, achievementId: achievement.id };
}

/** The app on `section` with one issuer and one achievement already there. */
export function startWith(
  section: Section,
  options: FakeOptions = {},
  extra: { locked?: boolean; statusListUrl?: string | null } = {},
): { backend: FakeBackend; issuerId: string; achievementId: string } {
  const backend = new FakeBackend(options);
  const ids = addAchievement(backend, extra);
  render(App, { props: { backend, start: section } });
  return { backend, ...ids };
}
