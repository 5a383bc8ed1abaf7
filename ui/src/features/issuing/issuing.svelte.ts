// What the four issuing screens share: the issuer profiles (with whether each
// key is unlocked), the achievements and the saved designs. One instance for
// the window, so that unlocking an issuer on one screen shows on the others.

import type { Backend } from "../../lib/ipc/backend";
import { toIpcError } from "../../lib/ipc/errors";
import type { Achievement } from "../../lib/ipc/gen/Achievement";
import type { DesignSummary } from "../../lib/ipc/gen/DesignSummary";
import type { IpcError } from "../../lib/ipc/gen/IpcError";
import type { IssuerProfile } from "../../lib/ipc/gen/IssuerProfile";
import type { Toaster } from "../../lib/ui/toasts.svelte";
import { asSentence } from "./forms";

/** The sections of the window the issuing screens can send the user to. */
export type IssuingSection = "designer" | "issuer" | "achievements" | "issue" | "issued";

/** What a call gave: its value, or the error to show. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export class IssuingState {
  issuers = $state.raw<IssuerProfile[]>([]);
  achievements = $state.raw<Achievement[]>([]);
  designs = $state.raw<DesignSummary[]>([]);
  /** Whether the lists were loaded once. */
  loaded = $state(false);
  loadError = $state.raw<IpcError | null>(null);
  /** The achievement the Issue wizard starts with (set by "Issue…" on an achievement). */
  issueTarget = $state<string | null>(null);

  readonly backend: Backend;
  readonly toaster: Toaster;

  constructor(backend: Backend, toaster: Toaster) {
    this.backend = backend;
    this.toaster = toaster;
  }

  /** Loads (again) the issuers, achievements and designs. */
  async load(): Promise<void> {
    try {
      const [issuers, achievements, designs] = await Promise.all([
        this.backend.listIssuers(),
        this.backend.listAchievements(null),
        this.backend.listDesigns(),
      ]);
      this.issuers = issuers;
      this.achievements = achievements;
      this.designs = designs;
      this.loadError = null;
    } catch (reason) {
      this.loadError = toIpcError(reason);
    } finally {
      this.loaded = true;
    }
  }

  async refreshAchievements(): Promise<void> {
    try {
      this.achievements = await this.backend.listAchievements(null);
    } catch (reason) {
      this.fail("The achievements couldn’t be loaded", reason);
    }
  }

  issuer(id: string | null | undefined): IssuerProfile | null {
    return this.issuers.find((i) => i.id === id) ?? null;
  }

  achievement(id: string | null | undefined): Achievement | null {
    return this.achievements.find((a) => a.id === id) ?? null;
  }

  /** Puts a changed or new profile in the list (new ones at the end: oldest first). */
  putIssuer(profile: IssuerProfile): void {
    const at = this.issuers.findIndex((i) => i.id === profile.id);
    this.issuers = at < 0 ? [...this.issuers, profile] : this.issuers.map((i) => (i.id === profile.id ? profile : i));
    if (at >= 0) {
      this.achievements = this.achievements.map((a) => (a.issuerId === profile.id ? { ...a, issuerName: profile.name } : a));
    }
  }

  /** Puts a saved achievement in the list (new ones first: newest first). */
  putAchievement(achievement: Achievement): void {
    const at = this.achievements.findIndex((a) => a.id === achievement.id);
    this.achievements =
      at < 0 ? [achievement, ...this.achievements] : this.achievements.map((a) => (a.id === achievement.id ? achievement : a));
  }

  /** Runs a call, turning a rejection into an {@link IpcError}. */
  async attempt<T>(call: () => Promise<T>): Promise<Outcome<T>> {
    try {
      return { ok: true, value: await call() };
    } catch (reason) {
      return { ok: false, error: toIpcError(reason) };
    }
  }

  async unlock(id: string, passphrase: string): Promise<IpcError | null> {
    const outcome = await this.attempt(() => this.backend.unlockIssuer(id, passphrase));
    if (!outcome.ok) return outcome.error;
    this.putIssuer(outcome.value);
    this.toaster.show(`${outcome.value.name} is unlocked`, { tone: "success", detail: "It stays unlocked until you lock it or quit." });
    return null;
  }

  async lock(id: string): Promise<void> {
    const outcome = await this.attempt(() => this.backend.lockIssuer(id));
    if (!outcome.ok) return this.fail("The key couldn’t be locked", outcome.error);
    this.putIssuer(outcome.value);
    this.toaster.show(`${outcome.value.name} is locked`);
  }

  /** After issuing: the counts on the issuer and the achievement went up. */
  async afterIssuing(): Promise<void> {
    try {
      const [issuers, achievements] = await Promise.all([this.backend.listIssuers(), this.backend.listAchievements(null)]);
      this.issuers = issuers;
      this.achievements = achievements;
    } catch {
      // The counts are only shown; the next load corrects them.
    }
  }

  /** Shows an error as a toast. */
  fail(what: string, reason: unknown): void {
    const error = toIpcError(reason);
    this.toaster.show(what, { tone: "error", detail: asSentence(error.message) });
  }
}
