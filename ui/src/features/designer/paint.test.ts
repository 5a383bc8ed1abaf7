import { describe, expect, it } from "vitest";
import {
  addStop,
  alphaOf,
  convertPaint,
  cssPaint,
  MAX_STOPS,
  normalizeHex,
  parseHex,
  removeStop,
  rgbHex,
  withAlpha,
  withRgb,
} from "./paint";

describe("colours", () => {
  it("reads #rgb, #rrggbb and #rrggbbaa, and writes them back in short form when opaque", () => {
    expect(parseHex("#f80")).toEqual({ r: 255, g: 136, b: 0, a: 255 });
    expect(normalizeHex("#FFEB3B")).toBe("#ffeb3b");
    expect(normalizeHex("ffeb3b80")).toBe("#ffeb3b80");
    expect(normalizeHex("#ffeb3bff")).toBe("#ffeb3b");
    expect(normalizeHex("#ffeb3")).toBeNull();
    expect(normalizeHex("red")).toBeNull();
  });

  it("keeps alpha apart from the colour", () => {
    expect(alphaOf("#00000080")).toBeCloseTo(0.502, 2);
    expect(withAlpha("#112233", 0.5)).toBe("#11223380");
    expect(withAlpha("#11223380", 1)).toBe("#112233");
    expect(rgbHex("#11223380")).toBe("#112233");
    expect(withRgb("#11223380", "#ffffff")).toBe("#ffffff80");
  });
});

describe("paints", () => {
  it("turn a solid colour into a gradient of it and back", () => {
    const linear = convertPaint({ type: "solid", color: "#1e88e5" }, "linear");
    expect(linear.type).toBe("linear");
    if (linear.type !== "linear") return;
    expect(linear.angle).toBe(0);
    expect(linear.stops).toHaveLength(2);
    const radial = convertPaint(linear, "radial");
    expect(radial).toEqual({ type: "radial", stops: linear.stops });
    expect(convertPaint(radial, "solid")).toEqual({ type: "solid", color: linear.stops[0]?.color });
  });

  it("add stops in the widest gap, up to sixteen, and keep at least two", () => {
    let stops = [
      { offset: 0, color: "#000000" },
      { offset: 1, color: "#ffffff" },
    ];
    stops = addStop(stops);
    expect(stops[1]).toEqual({ offset: 0.5, color: "#808080" });
    while (stops.length < MAX_STOPS) stops = addStop(stops);
    expect(addStop(stops)).toHaveLength(MAX_STOPS);
    const two = removeStop(removeStop(stops.slice(0, 3), 1), 0);
    expect(two).toHaveLength(2);
  });

  it("draw as CSS with the design's angle convention (0° runs top to bottom)", () => {
    expect(
      cssPaint({
        type: "linear",
        angle: 0,
        stops: [
          { offset: 0, color: "#ff0000" },
          { offset: 1, color: "#0000ff" },
        ],
      }),
    ).toBe("linear-gradient(180deg, rgb(255 0 0 / 1) 0%, rgb(0 0 255 / 1) 100%)");
    expect(cssPaint({ type: "solid", color: "#00000080" })).toBe("rgb(0 0 0 / 0.502)");
  });
});
