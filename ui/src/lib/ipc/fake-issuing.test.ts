// The fake's issuing rules: the UI tests rely on them behaving like the core.
import { describe, expect, it } from "vitest";
import { FakeBackend } from "./fake";
import { DEMO_PASSPHRASE } from "./fake-issuing";
import type { IssuerInput } from "./gen/IssuerInput";
import type { IssueSettings } from "./gen/IssueSettings";

const SETTINGS: IssueSettings = { format: "png", proof: "di", size: 512 };

function input(overrides: Partial<IssuerInput> = {}): IssuerInput {
  return { name: "Hillside Club", url: null, email: null, description: null, image: null, imageDesignId: null, statusListUrl: null, ...overrides };
}

function recipient(identity: string) {
  return { identity, name: null, evidenceUrl: null, evidenceNarrative: null, validFrom: null, validUntil: null };
}

async function achievementOf(backend: FakeBackend, issuerId: string): Promise<string> {
  const a = await backend.saveAchievement(null, {
    issuerId,
    name: "Knots",
    description: "Ties knots.",
    criteriaNarrative: "Six knots.",
    criteriaUrl: null,
    designId: null,
    tags: [],
    alignments: [],
    results: [],
  });
  return a.id;
}

describe("the fake issuing backend", () => {
  it("creates unlocked issuers with a did:key, and checks names, URLs and passphrases", async () => {
    const backend = new FakeBackend();
    const issuer = await backend.createIssuer(input(), "long enough");
    expect(issuer.did).toMatch(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]{44}$/);
    expect(issuer.unlocked).toBe(true);
    await expect(backend.createIssuer(input(), "short")).rejects.toEqual({ code: "invalid-request", message: "passphrase: use at least 8 characters" });
    await expect(backend.createIssuer(input({ name: " " }), "long enough")).rejects.toMatchObject({ message: "name: an issuer needs a name" });
    await expect(backend.createIssuer(input({ url: "http://x.example" }), "long enough")).rejects.toMatchObject({ code: "invalid-request" });
    expect(await backend.listIssuers()).toHaveLength(1);
  });

  it("rejects a wrong passphrase with its own code, and locked keys with `locked`", async () => {
    const backend = new FakeBackend();
    const issuer = await backend.createIssuer(input({ statusListUrl: "https://x.example/status.json" }), "long enough");
    const achievementId = await achievementOf(backend, issuer.id);
    await backend.lockIssuer(issuer.id);
    await expect(backend.unlockIssuer(issuer.id, "not it at all")).rejects.toMatchObject({ code: "wrong-passphrase" });
    await expect(backend.issueOne(achievementId, recipient("ana@example.org"), SETTINGS)).rejects.toMatchObject({ code: "locked" });
    await expect(backend.exportStatusList(issuer.id)).rejects.toMatchObject({ code: "locked" });
    expect((await backend.unlockIssuer(issuer.id, "long enough")).unlocked).toBe(true);
    const issued = await backend.issueOne(achievementId, recipient("ana@example.org"), SETTINGS);
    expect(issued.badge.revocable).toBe(true);
    await backend.lockIssuer(issuer.id);
    await expect(backend.revokeIssued(issued.badge.id, null)).rejects.toMatchObject({ code: "locked" });
  });

  it("revokes only badges issued with a status-list URL, and says why not otherwise", async () => {
    const backend = new FakeBackend();
    const issuer = await backend.createIssuer(input(), "long enough");
    const issued = await backend.issueOne(await achievementOf(backend, issuer.id), recipient("ana@example.org"), SETTINGS);
    expect(issued.badge.revocable).toBe(false);
    const refusal = backend.revokeIssued(issued.badge.id, "mistake");
    await expect(refusal).rejects.toMatchObject({ code: "invalid-request" });
    await expect(refusal).rejects.toMatchObject({ message: expect.stringMatching(/without a status-list URL, so it can’t be revoked/) });
  });

  it("searches and pages the issued log, newest first", async () => {
    const backend = new FakeBackend({ issuing: { seed: "demo" } });
    const all = await backend.listIssued("", 0, 5);
    expect(all.total).toBe(12);
    expect(all.items).toHaveLength(5);
    expect(all.items[0]?.recipientName).toBe("Lea Roth");
    const next = await backend.listIssued("", 10, 5);
    expect(next.items.map((b) => b.recipientName)).toEqual(["Ben Okafor", "Ana Lima"]);
    const chess = await backend.listIssued("CHESS", 0, 50);
    expect(chess.total).toBe(4);
    expect(chess.items.every((b) => b.achievementName === "Chess Club Champion")).toBe(true);
    expect((await backend.listIssued("hana@", 0, 50)).items.map((b) => b.recipientName)).toEqual(["Hana Sato"]);
  });

  it("runs a batch with progress, stops when cancelled, and continues into the same folder", async () => {
    let held: (() => void) | null = null;
    let hold = true;
    const batchGate = (line: number) => {
      if (line !== 3 || !hold) return Promise.resolve();
      hold = false;
      return new Promise<void>((r) => (held = r));
    };
    const backend = new FakeBackend({ issuing: { seed: "demo", batchGate } });
    const [issuer] = await backend.listIssuers();
    await backend.unlockIssuer(issuer?.id ?? "", DEMO_PASSPHRASE);
    const [achievement] = await backend.listAchievements(null);
    const id = achievement?.id ?? "";
    const seen: number[] = [];
    await backend.onBatchProgress((p) => seen.push(p.done));
    await expect(backend.startBatch(id, "/tmp/out", SETTINGS)).rejects.toMatchObject({ code: "invalid-request" });
    const preview = await backend.chooseRecipientsCsv(id);
    expect(preview?.rows).toHaveLength(3);
    const running = backend.startBatch(id, "/tmp/out", SETTINGS);
    await new Promise((r) => setTimeout(r, 0));
    await backend.cancelBatch();
    (held as (() => void) | null)?.();
    const first = await running;
    expect(first).toMatchObject({ issued: 1, alreadyIssued: 0, total: 3, cancelled: true });
    const second = await backend.startBatch(id, "/tmp/out", SETTINGS);
    expect(second).toMatchObject({ issued: 2, alreadyIssued: 1, cancelled: false, manifest: "/tmp/out/manifest.json" });
    expect(seen).toEqual([0, 1, 1, 2, 3]);
  });

  it("refuses to run a CSV with errors, and offers it through a test hook", async () => {
    const backend = new FakeBackend({ issuing: { seed: "demo" } });
    const [achievement] = await backend.listAchievements(null);
    backend.issuing.setCsv("with-errors");
    const preview = await backend.chooseRecipientsCsv(achievement?.id ?? "");
    expect(preview?.errorCount).toBe(2);
    expect(preview?.rows.filter((r) => r.errors.length > 0).map((r) => r.line)).toEqual([3, 4]);
    await expect(backend.startBatch(achievement?.id ?? "", "/tmp/x", SETTINGS)).rejects.toMatchObject({ code: "invalid-request" });
    backend.issuing.setCsv(null);
    expect(await backend.chooseRecipientsCsv(achievement?.id ?? "")).toBeNull();
  });
});
