// The fake's wallet rules: the Wallet screen's tests rely on them behaving like the core.
import { describe, expect, it } from "vitest";
import { FakeBackend } from "./fake";
import { CHESS_TEXT } from "./fake-samples";
import { SAMPLE_OWNER } from "./fake-wallet-samples";
import type { WalletQuery } from "./gen/WalletQuery";

function query(overrides: Partial<WalletQuery> = {}): WalletQuery {
  return { text: "", issuer: null, status: null, tag: null, collection: null, trash: false, sort: "newest", offset: 0, limit: 0, ...overrides };
}

const SIMPLE = JSON.stringify({ id: "https://example.org/badges/1", name: "Knot Tying" });

function samples(): FakeBackend {
  return new FakeBackend({ wallet: { seed: "samples" } });
}

async function idOf(backend: FakeBackend, name: string): Promise<string> {
  const page = await backend.walletList(query({ text: name }));
  const found = page.badges.find((b) => b.name === name);
  if (!found) throw new Error(`no badge named ${name}`);
  return found.id;
}

describe("the fake wallet", () => {
  it("starts empty, or with the samples: every status, and one badge in the trash", async () => {
    expect(await new FakeBackend().walletFacets()).toEqual({ total: 0, trashed: 0, issuers: [], statuses: [], tags: [], collections: [] });
    const facets = await samples().walletFacets();
    expect(facets.total).toBe(8);
    expect(facets.trashed).toBe(1);
    expect(Object.fromEntries(facets.statuses.map((s) => [s.value, s.count]))).toEqual({ valid: 4, unverified: 1, expired: 1, revoked: 1, invalid: 1 });
    expect(facets.collections.map((c) => [c.label, c.count])).toEqual([
      ["CV", 2],
      ["Teaching portfolio", 3],
    ]);
    expect(facets.tags.find((t) => t.value === "work")?.count).toBe(4);
  });

  it("imports pasted text: added, then already there; and says why garbage is no badge", async () => {
    const backend = new FakeBackend();
    const first = await backend.walletImportText(SIMPLE, false);
    expect(first).toMatchObject({ added: 1, alreadyThere: 0, notBadges: 0 });
    expect(first.items[0]).toMatchObject({ source: "pasted text", result: "added", name: "Knot Tying" });
    const again = await backend.walletImportText(`  ${SIMPLE}\n`, false);
    expect(again.items[0]).toMatchObject({ result: "already-there", badgeId: first.items[0]?.badgeId });
    const garbage = await backend.walletImportText("hello there", false);
    expect(garbage.items[0]).toMatchObject({ result: "not-a-badge", badgeId: null });
    expect(garbage.items[0]?.message).toMatch(/not a badge image, a JSON credential, a JWT/);
    expect((await backend.walletImportText('{"name": 1', false)).items[0]?.message).toBe("It starts like JSON but isn’t valid JSON.");
    await expect(backend.walletImportText("  ", false)).rejects.toMatchObject({ code: "invalid-request" });
    expect((await backend.walletFacets()).total).toBe(1);
  });

  it("reads JWTs and OB 2.0, and fetches a hosted badge's address only online", async () => {
    const backend = new FakeBackend();
    const jwt = await backend.walletImportText(CHESS_TEXT, false);
    expect(jwt.items[0]).toMatchObject({ result: "added", name: "Checkmate in Three", status: "valid" });
    const detail = await backend.walletShow(jwt.items[0]?.badgeId ?? "");
    expect(detail.badge.version).toBe("ob3");
    expect(detail.fileKind).toBe("jwt");
    expect(detail.facts.issuer.name).toBe("Riverside School Chess Club");

    const url = "https://badges.example.net/assertions/first-aid-2019.json";
    const offline = await backend.walletImportText(url, false);
    expect(offline.items[0]).toMatchObject({ result: "not-a-badge" });
    expect(offline.items[0]?.message).toMatch(/Allow network/);
    const online = await backend.walletImportText(url, true);
    expect(online.items[0]).toMatchObject({ result: "added", name: "First aid" });
  });

  it("searches, filters, sorts and pages", async () => {
    const backend = samples();
    expect((await backend.walletList(query({ text: "DATA literacy" }))).total).toBe(2);
    expect((await backend.walletList(query({ text: "teaching facilitation" }))).badges.map((b) => b.name)).toEqual(["Workshop Facilitation"]);
    expect((await backend.walletList(query({ status: "expired" }))).badges.map((b) => b.name)).toEqual(["Community First Responder"]);
    const facets = await backend.walletFacets();
    const library = facets.issuers.find((i) => i.label === "Riverside Library Friends");
    expect(library?.count).toBe(1);
    expect((await backend.walletList(query({ issuer: library?.value ?? "" }))).badges.map((b) => b.name)).toEqual(["Volunteer of the Year 2024"]);
    expect((await backend.walletList(query({ tag: "VOLUNTEERING" }))).total).toBe(3);
    const cv = facets.collections.find((c) => c.label === "CV");
    expect((await backend.walletList(query({ collection: cv?.value ?? "" }))).total).toBe(2);

    const names = async (sort: WalletQuery["sort"]) => (await backend.walletList(query({ sort }))).badges.map((b) => b.name);
    expect((await names("newest"))[0]).toBe("Climate Workshop Facilitator");
    expect((await names("oldest"))[0]).toBe("Community First Responder");
    expect((await names("name")).slice(0, 2)).toEqual(["Climate Workshop Facilitator", "Community First Responder"]);
    expect((await names("issuer"))[0]).toBe("Data Literacy (Distinction)");
    expect((await names("added"))[0]).toBe("Climate Workshop Facilitator");

    const page = await backend.walletList(query({ sort: "name", offset: 2, limit: 3 }));
    expect(page).toMatchObject({ total: 8, offset: 2 });
    expect(page.badges).toHaveLength(3);
    expect((await backend.walletList(query({ trash: true }))).badges.map((b) => b.name)).toEqual(["Story Time Reader"]);
  });

  it("keeps tags without duplicates, and notes", async () => {
    const backend = samples();
    const id = await idOf(backend, "Intro to Python");
    const detail = await backend.walletSetTags(id, [" coding ", "Coding", "", "cv"]);
    expect(detail.badge.tags).toEqual(["coding", "cv"]);
    await backend.walletSetNote(id, "From the spring course.");
    expect((await backend.walletShow(id)).note).toBe("From the spring course.");
    expect((await backend.walletFacets()).tags.map((t) => t.value)).toContain("coding");
    await expect(backend.walletShow("nope")).rejects.toMatchObject({ code: "not-found" });
  });

  it("makes collections with names unique ignoring case, and counts only badges outside the trash", async () => {
    const backend = new FakeBackend();
    const trips = await backend.walletCreateCollection("  Trips ");
    expect(trips).toEqual({ id: trips.id, name: "Trips", count: 0 });
    const duplicate = backend.walletCreateCollection("TRIPS");
    await expect(duplicate).rejects.toMatchObject({ code: "already-exists", message: "a collection named \"Trips\" already exists" });
    await expect(backend.walletCreateCollection(" ")).rejects.toMatchObject({ code: "invalid-request" });
    const work = await backend.walletCreateCollection("Work");
    await expect(backend.walletRenameCollection(work.id, "trips")).rejects.toMatchObject({ message: /already exists/ });
    await backend.walletRenameCollection(work.id, "Jobs");

    const id = (await backend.walletImportText(SIMPLE, false)).items[0]?.badgeId ?? "";
    await backend.walletSetMembership(trips.id, [id], true);
    expect((await backend.walletShow(id)).collections).toEqual([trips.id]);
    expect((await backend.walletCollections()).map((c) => [c.name, c.count])).toEqual([
      ["Jobs", 0],
      ["Trips", 1],
    ]);
    await backend.walletTrash([id]);
    expect((await backend.walletCollections()).find((c) => c.id === trips.id)?.count).toBe(0);
    await backend.walletRestore([id]);
    await backend.walletDeleteCollection(trips.id);
    expect((await backend.walletShow(id)).collections).toEqual([]);
    expect((await backend.walletFacets()).total).toBe(1);
  });

  it("trashes, restores, deletes for good only from the trash, and empties the trash", async () => {
    const backend = samples();
    const id = await idOf(backend, "Intro to Python");
    await backend.walletTrash([id]);
    expect((await backend.walletShow(id)).badge.trashedAt).not.toBeNull();
    expect((await backend.walletFacets()).trashed).toBe(2);
    await backend.walletRestore([id]);
    await expect(backend.walletDeleteForever([id])).rejects.toMatchObject({ code: "invalid-request" });
    await backend.walletTrash([id]);
    await backend.walletDeleteForever([id]);
    await expect(backend.walletShow(id)).rejects.toMatchObject({ code: "not-found" });
    expect(await backend.walletEmptyTrash()).toBe(1);
    expect(await backend.walletFacets()).toMatchObject({ total: 7, trashed: 0 });
  });

  it("verifies again offline or online, and warns about a copy with the same id", async () => {
    const backend = samples();
    const python = await idOf(backend, "Intro to Python");
    expect((await backend.walletShow(python)).badge.status).toBe("unverified");
    const online = await backend.walletReverify(python, true);
    expect(online.badge.status).toBe("valid");
    expect(online.verification.online).toBe(true);
    expect((await backend.walletReverify(python, false)).verification.needsNetwork).toBe(true);
    const revoked = await backend.walletReverify(await idOf(backend, "Volunteer of the Year 2024"), true);
    expect(revoked.badge.status).toBe("revoked");

    const original = await idOf(backend, "Data Literacy Foundations");
    const altered = await backend.walletShow(await idOf(backend, "Data Literacy (Distinction)"));
    expect(altered.badge.status).toBe("invalid");
    expect(altered.sameIdAs).toEqual([original]);
    expect(altered.verification.checks.find((c) => c.id === "proof")?.status).toBe("fail");
  });

  it("answers “Is this mine?” for hashed and plain recipients", async () => {
    const backend = samples();
    const id = await idOf(backend, "Safeguarding Essentials");
    expect((await backend.walletShow(id)).facts.recipient).toMatchObject({ kind: "email", hashed: true, value: null });
    expect(await backend.walletCheckRecipient(id, ` ${SAMPLE_OWNER.toUpperCase()} `)).toMatchObject({ matches: true });
    const other = await backend.walletCheckRecipient(id, "someone@example.org");
    expect(other).toEqual({ matches: false, message: "No: the badge’s hashed e-mail address isn’t that of someone@example.org." });
    const did = await idOf(backend, "Workshop Facilitation");
    expect((await backend.walletCheckRecipient(did, "did:key:z6Mkother")).message).toMatch(/^No: the badge was issued to did:key:z6MkfKzP/);
    await expect(backend.walletCheckRecipient(id, "")).rejects.toMatchObject({ code: "invalid-request" });
  });

  it("simulates the dialogs: files, a folder, cancelled, and drops from the queue `takePending` drains too", async () => {
    const backend = new FakeBackend();
    const files = await backend.walletImportFiles(false);
    expect(files).toMatchObject({ added: 2, alreadyThere: 0, notBadges: 1 });
    expect(files?.items.map((i) => i.source)).toEqual([
      "/home/sam/Downloads/teamwork-badge.png",
      "/home/sam/Downloads/checkmate-in-three.svg",
      "/home/sam/Downloads/club-photo.png",
    ]);
    const folder = await backend.walletImportFolder(false);
    expect(folder).toMatchObject({ added: 1, alreadyThere: 1, notBadges: 2 });
    expect(folder?.items.find((i) => i.result === "not-a-badge" && i.source.endsWith("broken.png"))?.message).toBe("Bad CRC in chunk 3 (IDAT).");
    expect(await new FakeBackend({ wallet: { files: null, folder: null } }).walletImportFiles(false)).toBeNull();
    expect(await new FakeBackend({ wallet: { folder: null } }).walletImportFolder(true)).toBeNull();

    const dropping = new FakeBackend();
    dropping.drop(["robotics", "photo"]);
    const dropped = await dropping.walletImportDropped(false);
    expect(dropped).toMatchObject({ added: 1, notBadges: 1 });
    expect(await dropping.takePending()).toEqual([]);
    expect((await dropping.walletImportDropped(false)).items).toEqual([]);
  });

  it("exports, backs up and restores through made-up save and open dialogs", async () => {
    const backend = samples();
    const id = await idOf(backend, "Climate Workshop Facilitator");
    expect(await backend.walletExportBadge(id, "original")).toBe("/home/sam/Documents/climate-facilitator.jwt");
    expect(await backend.walletExportBadge(id, "credential")).toBe("/home/sam/Documents/climate-workshop-facilitator.jwt");
    const cv = (await backend.walletCollections()).find((c) => c.name === "CV");
    expect(await backend.walletExportCollection(cv?.id ?? "", "html")).toBe("/home/sam/Documents/cv.html");
    expect(await backend.walletBackup()).toMatch(/\.badgesmith-wallet$/);
    expect(await backend.walletRestoreBackup()).toEqual({ added: 1, alreadyThere: 1, collections: 1 });
    expect((await backend.walletFacets()).total).toBe(9);
    const cancelled = new FakeBackend({ wallet: { savePath: null, restoreCancelled: true } });
    expect(await cancelled.walletBackup()).toBeNull();
    expect(await cancelled.walletRestoreBackup()).toBeNull();
  });
});
