import { describe, expect, it } from "vitest";
import { sampleOutcome } from "../../lib/ipc/fake-samples";
import type { BadgeContent } from "../../lib/ipc/gen/BadgeContent";
import { formatDate, formatSize, formatSizeExact } from "../../lib/format";
import {
  abbreviateDataUri,
  chipFor,
  errorTitle,
  formatLabel,
  isLongDataUri,
  sentence,
  whereBaked,
} from "./describe";
import type { Entry } from "./inspector.svelte";

function opened(name: Parameters<typeof sampleOutcome>[0]): Entry & { status: "opened" } {
  const outcome = sampleOutcome(name, 1);
  if (outcome.status !== "opened") throw new Error("expected an opened sample");
  return { key: "k", status: "opened", file: outcome.file };
}

function badgeOf(name: Parameters<typeof sampleOutcome>[0]): BadgeContent {
  const badge = opened(name).file.inspection.badge;
  if (!badge) throw new Error("expected a badge");
  return badge;
}

describe("describe", () => {
  it("labels files by version, or as no badge or error", () => {
    expect(chipFor(opened("teamwork"))).toEqual({ label: "OB 3.0", tone: "ob3" });
    expect(chipFor(opened("robotics")).label).toBe("OB 2.0");
    expect(chipFor(opened("first-aid")).label).toBe("OB 1.x");
    expect(chipFor(opened("photo")).label).toBe("No badge");
    expect(chipFor({ key: "x", status: "failed", name: "a.png", error: { code: "io", message: "m" } })).toEqual({
      label: "Error",
      tone: "error",
    });
  });

  it("says where a badge is baked", () => {
    expect(whereBaked(badgeOf("teamwork"))).toBe("iTXt chunk `openbadgecredential` (chunk 1), not compressed");
    expect(whereBaked(badgeOf("robotics"))).toBe("iTXt chunk `openbadges` (chunk 2), compressed");
    expect(whereBaked(badgeOf("chess"))).toBe("`<openbadges:credential>` element, verify attribute");
    expect(whereBaked({ ...badgeOf("chess"), element: "openbadges:assertion", svgSource: "cdata" })).toBe(
      "`<openbadges:assertion>` element, CDATA",
    );
    expect(whereBaked({ ...badgeOf("chess"), element: null, svgSource: null })).toBeNull();
  });

  it("names formats with their size in pixels", () => {
    expect(formatLabel(opened("teamwork").file.inspection)).toBe("PNG image, 512 × 512 px");
    expect(formatLabel({ ...opened("teamwork").file.inspection, format: "jwt", width: null, height: null })).toBe(
      "JWT file",
    );
  });

  it("titles every error code", () => {
    expect(errorTitle("invalid-image")).toBe("This image is damaged");
    expect(errorTitle("not-a-badge")).toBe("Not a badge or a credential");
  });

  it("makes sentences of the core's messages", () => {
    expect(sentence("broken.png: bad CRC in chunk 3 (IDAT)")).toBe("broken.png: bad CRC in chunk 3 (IDAT).");
    expect(sentence("a second badge was ignored", true)).toBe("A second badge was ignored.");
    expect(sentence("Done.")).toBe("Done.");
  });

  it("abbreviates long data: URIs only", () => {
    const uri = `data:image/png;base64,${"A".repeat(400)}`;
    expect(isLongDataUri(uri)).toBe(true);
    expect(isLongDataUri("data:,hi")).toBe(false);
    expect(isLongDataUri("https://example.com/" + "a".repeat(200))).toBe(false);
    expect(abbreviateDataUri(uri)).toBe(`data:image/png;base64,${"A".repeat(24)}…`);
  });
});

describe("format", () => {
  it("gives sizes in words", () => {
    expect(formatSize(1)).toBe("1 byte");
    expect(formatSize(842)).toBe("842 bytes");
    expect(formatSize(48211)).toBe("47.1 KB");
    expect(formatSizeExact(48211)).toBe("47.1 KB (48,211 bytes)");
    expect(formatSize(3 * 1024 * 1024)).toBe("3.0 MB");
  });

  it("gives dates in words and leaves other text alone", () => {
    expect(formatDate("2024-03-01T09:00:00Z")).toMatch(/2024/);
    expect(formatDate("2016-12-31")).toMatch(/31/);
    expect(formatDate("1768471200 (Unix time)")).toMatch(/2026/);
    expect(formatDate("last Tuesday")).toBe("last Tuesday");
  });
});
