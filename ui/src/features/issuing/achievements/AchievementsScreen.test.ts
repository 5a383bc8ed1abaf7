// The Achievements screen against the fake backend.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import App from "../../../app/App.svelte";
import { FakeBackend } from "../../../lib/ipc/fake";
import { fakeTemplates } from "../../../lib/ipc/fake-designs";
import type { AchievementInput } from "../../../lib/ipc/gen/AchievementInput";
import type { SavedDesign } from "../../../lib/ipc/gen/SavedDesign";
import { addAchievement, click, start, startWith, type } from "../testing";

function savedDesign(id: string, name: string): SavedDesign {
  const design = fakeTemplates()[0]?.design;
  if (!design) throw new Error("the fake has no template");
  return {
    summary: { id, name, createdAt: "2026-02-01T09:00:00Z", updatedAt: "2026-02-01T09:00:00Z", thumbnail: "data:image/png;base64,AAAA" },
    design: { ...design, name },
  };
}

describe("the Achievements screen", () => {
  it("asks for an issuer first, and goes there", async () => {
    start("achievements");
    expect(await screen.findByRole("heading", { name: "First, set up who awards the badges" })).toBeInTheDocument();
    expect(screen.getByTestId("achievement-new")).toBeDisabled();
    await click("go-to-issuer");
    expect(screen.getByRole("link", { name: "Issuers" })).toHaveAttribute("aria-current", "page");
    expect(await screen.findByTestId("issuer-form")).toBeInTheDocument();
  });

  it("lists the achievements as cards with their issuer, count and tags", async () => {
    start("achievements", { issuing: { seed: "demo" } });
    const list = await screen.findByRole("list", { name: "Achievements" });
    const cards = within(list).getAllByTestId("achievement-card");
    expect(cards.map((c) => within(c).getByRole("heading").textContent)).toEqual(["Chess Club Champion", "First Aid Basics"]);
    expect(cards[1]).toHaveTextContent("Northside School");
    expect(cards[1]).toHaveTextContent("8 badges issued");
    expect(within(cards[1] as HTMLElement).getByRole("list", { name: "Tags" })).toHaveTextContent("healthsafety");
  });

  it("refuses to save without a name and a description, naming the fields", async () => {
    const { backend } = startWith("achievements");
    await screen.findByRole("list", { name: "Achievements" });
    await click("achievement-new");
    await click("achievement-save");
    expect(await screen.findByText("Give the achievement a name.")).toBeInTheDocument();
    expect(screen.getByText("Say in a sentence what it is.")).toBeInTheDocument();
    expect(screen.getByTestId("achievement-name")).toHaveFocus();
    expect(backend.callsTo("saveAchievement")).toHaveLength(0);
  });

  it("saves a new achievement with criteria, tags, an alignment and a result", async () => {
    const { backend, issuerId } = startWith("achievements");
    await screen.findByRole("list", { name: "Achievements" });
    await click("achievement-new");
    expect(screen.getByTestId("achievement-edit-note")).toHaveTextContent("never changes badges already issued");
    expect(screen.getByTestId("achievement-issuer")).toHaveValue(issuerId);
    await type("achievement-name", "First Aid Basics");
    await type("achievement-description", "Helps someone who is hurt.");
    await type("achievement-criteria", "Passed the practical test.");
    await type("achievement-criteria-url", "https://club.example/first-aid");

    const tagInput = screen.getByTestId("achievement-tag-input");
    await fireEvent.input(tagInput, { target: { value: "health, safety" } });
    await fireEvent.keyDown(tagInput, { key: "Enter" });
    await fireEvent.input(tagInput, { target: { value: "Health" } });
    await fireEvent.keyDown(tagInput, { key: "Enter" });
    expect(screen.getAllByTestId("tag-chip").map((c) => c.textContent?.trim())).toEqual(["health", "safety"]);
    await fireEvent.click(screen.getByRole("button", { name: "Remove safety" }));

    await click("alignment-add");
    const alignment = screen.getByRole("group", { name: "Alignment 1" });
    const [alignName, alignUrl, framework] = within(alignment).getAllByRole("textbox");
    await fireEvent.input(alignName as HTMLElement, { target: { value: "Provide first aid" } });
    await fireEvent.input(alignUrl as HTMLElement, { target: { value: "https://esco.example/first-aid" } });
    await fireEvent.input(framework as HTMLElement, { target: { value: "ESCO" } });

    await click("result-add");
    const result = screen.getByRole("group", { name: "Result 1" });
    await fireEvent.input(within(result).getByRole("textbox"), { target: { value: "Practical test" } });
    await fireEvent.change(within(result).getByRole("combobox"), { target: { value: "RubricCriterionLevel" } });

    await click("achievement-save");
    const cards = await screen.findAllByTestId("achievement-card");
    expect(cards.map((c) => within(c).getByRole("heading").textContent)).toEqual(["First Aid Basics", "Knot Tying"]);
    const saved = backend.callsTo("saveAchievement")[0]?.args as [string | null, AchievementInput];
    expect(saved[0]).toBeNull();
    expect(saved[1]).toEqual({
      issuerId,
      name: "First Aid Basics",
      description: "Helps someone who is hurt.",
      criteriaNarrative: "Passed the practical test.",
      criteriaUrl: "https://club.example/first-aid",
      designId: null,
      tags: ["health"],
      alignments: [
        { targetName: "Provide first aid", targetUrl: "https://esco.example/first-aid", targetFramework: "ESCO", targetCode: null, targetDescription: null },
      ],
      results: [{ name: "Practical test", resultType: "RubricCriterionLevel" }],
    });
  });

  it("asks for an alignment's name and URL before saving", async () => {
    const { backend } = startWith("achievements");
    await screen.findByRole("list", { name: "Achievements" });
    await click("achievement-new");
    await type("achievement-name", "Knots II");
    await type("achievement-description", "More knots.");
    await click("achievement-save");
    expect(await screen.findByText(/Say what earning it takes/)).toBeInTheDocument();
    expect(backend.callsTo("saveAchievement")).toHaveLength(0);
    await type("achievement-criteria", "Tie ten knots.");
    await click("alignment-add");
    await click("achievement-save");
    expect(await screen.findByText("Give the skill or standard’s name.")).toBeInTheDocument();
    expect(screen.getByText("Give the address where it is described.")).toBeInTheDocument();
    await fireEvent.click(screen.getByRole("button", { name: "Remove alignment 1" }));
    await click("achievement-save");
    await waitFor(() => expect(backend.callsTo("saveAchievement")).toHaveLength(1));
  });

  it("edits an achievement, says issued badges keep what they said, and picks a saved design", async () => {
    const backend = new FakeBackend({ designs: [savedDesign("design-7", "Rope Seal")] });
    const { achievementId } = addAchievement(backend);
    const recipient = { identity: "ana@example.org", name: null, evidenceUrl: null, evidenceNarrative: null, validFrom: null, validUntil: null };
    await backend.issueOne(achievementId, recipient, { format: "png", proof: "di", size: 512 });
    render(App, { props: { backend, start: "achievements" } });
    const card = await screen.findByTestId("achievement-card");
    expect(card).toHaveTextContent("1 badge issued");
    await fireEvent.click(within(card).getByRole("button", { name: "Edit Knot Tying" }));
    expect(screen.getByTestId("achievement-name")).toHaveValue("Knot Tying");
    expect(screen.getByTestId("achievement-edit-note")).toHaveTextContent(
      "Editing never changes the badge already issued: it keeps what it said when it was signed.",
    );
    const picker = screen.getByTestId("achievement-design");
    await fireEvent.click(within(picker).getByRole("radio", { name: "Rope Seal" }));
    await type("achievement-name", "Knot Tying I");
    await click("achievement-save");
    await waitFor(() => expect(backend.callsTo("saveAchievement")).toHaveLength(1));
    expect(backend.callsTo("saveAchievement")[0]?.args[0]).toBe(achievementId);
    expect(backend.callsTo("saveAchievement")[0]?.args[1]).toMatchObject({ name: "Knot Tying I", designId: "design-7" });
    const updated = await screen.findByTestId("achievement-card");
    expect(within(updated).getByRole("heading")).toHaveTextContent("Knot Tying I");
    expect(updated.querySelector("img")).toHaveAttribute("src", "data:image/png;base64,AAAA");
  });

  it("sends to the Designer when there is no saved design", async () => {
    startWith("achievements");
    await screen.findByRole("list", { name: "Achievements" });
    await click("achievement-new");
    expect(screen.getByTestId("achievement-design")).toHaveTextContent("No saved designs yet");
    await click("go-to-designer");
    expect(screen.getByRole("link", { name: "Designer" })).toHaveAttribute("aria-current", "page");
  });
});
