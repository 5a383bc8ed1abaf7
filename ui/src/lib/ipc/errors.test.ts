import { describe, expect, it } from "vitest";
import { isIpcError, toIpcError } from "./errors";

describe("errors from the core", () => {
  it("passes an IpcError through, and turns anything else into `internal`", () => {
    expect(toIpcError({ code: "not-found", message: "badge x: there is no such badge" })).toEqual({
      code: "not-found",
      message: "badge x: there is no such badge",
    });
    expect(toIpcError(new Error("boom"))).toEqual({ code: "internal", message: "boom" });
    expect(toIpcError("no such command")).toEqual({ code: "internal", message: "no such command" });
    expect(toIpcError(undefined)).toEqual({ code: "internal", message: "an unexpected error happened" });
  });

  it("keeps the message of an error whose code this build doesn't know", () => {
    const newer = { code: "from-a-newer-build", message: "a collection named “Trips” already exists" };
    expect(isIpcError(newer)).toBe(false);
    expect(toIpcError(newer)).toEqual({ code: "internal", message: "a collection named “Trips” already exists" });
  });
});
