import { describe, expect, it } from "vitest";
import type { BadgeDesign } from "../../lib/ipc/gen/BadgeDesign";
import type { RenderedDesign } from "../../lib/ipc/gen/RenderedDesign";
import { RenderScheduler, type RenderJob } from "./render";

/** A render function whose answers the test releases one by one. */
function controlled() {
  const calls: { job: RenderJob; resolve: (r: RenderedDesign) => void; reject: (e: unknown) => void }[] = [];
  const render = (job: RenderJob) =>
    new Promise<RenderedDesign>((resolve, reject) => calls.push({ job, resolve, reject }));
  const answer = async (i: number) => {
    const call = calls[i];
    if (!call) throw new Error(`no call ${i}`);
    call.resolve({ dataUrl: `data:image/png;base64,${call.job.design.name}`, size: call.job.size, millis: 1 });
    await Promise.resolve();
    await Promise.resolve();
  };
  const fail = async (i: number, message: string) => {
    calls[i]?.reject({ code: "invalid-design", message });
    await Promise.resolve();
    await Promise.resolve();
  };
  return { calls, render, answer, fail };
}

const design = (name: string): BadgeDesign => ({ version: 1, name, layers: [] });

function setup() {
  const c = controlled();
  const results: string[] = [];
  const errors: string[] = [];
  const busy: boolean[] = [];
  const scheduler = new RenderScheduler(c.render, {
    result: (r) => results.push(r.dataUrl.split(",")[1] ?? ""),
    error: (e) => errors.push(e.message),
    busy: (b) => busy.push(b),
  });
  return { ...c, scheduler, results, errors, busy };
}

describe("RenderScheduler", () => {
  it("keeps one render in flight and renders only the latest of the changes made meanwhile", async () => {
    const s = setup();
    s.scheduler.request({ design: design("a"), size: 512, draft: false });
    s.scheduler.request({ design: design("b"), size: 512, draft: false });
    s.scheduler.request({ design: design("c"), size: 512, draft: false });
    expect(s.calls).toHaveLength(1);
    await s.answer(0);
    expect(s.calls.map((c) => c.job.design.name)).toEqual(["a", "c"]);
    await s.answer(1);
    expect(s.results).toEqual(["a", "c"]);
    expect(s.busy).toEqual([true, false]);
    expect(s.scheduler.busy).toBe(false);
  });

  it("does not render the same picture twice", async () => {
    const s = setup();
    const job = { design: design("a"), size: 512, draft: false };
    s.scheduler.request(job);
    s.scheduler.request({ ...job });
    await s.answer(0);
    s.scheduler.request({ ...job });
    expect(s.calls).toHaveLength(1);
    // A draft of it is another picture; so is another size.
    s.scheduler.request({ ...job, draft: true });
    expect(s.calls).toHaveLength(2);
  });

  it("reports an error only for the latest design", async () => {
    const s = setup();
    s.scheduler.request({ design: design("bad"), size: 512, draft: false });
    s.scheduler.request({ design: design("good"), size: 512, draft: false });
    await s.fail(0, "layers[0].size: must be between 1 and 2048 (is 0)");
    expect(s.errors).toEqual([]);
    await s.answer(1);
    expect(s.results).toEqual(["good"]);
    s.scheduler.request({ design: design("bad again"), size: 512, draft: false });
    await s.fail(2, "nope");
    expect(s.errors).toEqual(["nope"]);
  });

  it("ignores the answer in flight once cancelled", async () => {
    const s = setup();
    s.scheduler.request({ design: design("a"), size: 512, draft: false });
    s.scheduler.request({ design: design("b"), size: 512, draft: false });
    s.scheduler.cancel();
    await s.answer(0);
    expect(s.results).toEqual([]);
    expect(s.calls).toHaveLength(1);
    expect(s.scheduler.busy).toBe(false);
  });
});
