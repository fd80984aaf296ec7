import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import modelDoc from "../../../docs/model.md?raw";
import { actions } from "../../app/actions";
import { useAppStore } from "../../app/app-store";
import { PRESETS } from "../../sim/presets";
import { useTourStore } from "../../tour/tour-store";
import { AboutModel, KIP_101_URL } from "../AboutModel";
import { GLOSSARY, GlossaryButton, meaningOf } from "./Glossary";
import { ShortcutsHelp } from "./ShortcutsHelp";
import { StoryStrip, slowLinks, storyOf } from "./StoryStrip";
import { driftText, storyChanges } from "./story-changes";
import { mayHaveDrifted, storyOrigin } from "./story-drift";

describe("StoryStrip", () => {
  beforeEach(() => {
    act(() => {
      actions.loadPreset("default");
    });
  });

  it("tells the default run's story and points to the tour", () => {
    render(<StoryStrip />);
    const strip = screen.getByRole("region", { name: "About this run" });
    const preset = PRESETS.find((p) => p.name === "default");
    expect(strip).toHaveTextContent(preset?.description ?? "missing");
    expect(screen.getByRole("button", { name: "New here? Take the 7-chapter tour" })).toBeVisible();
  });

  it("shows a scenario's own description first", () => {
    act(() => {
      actions.loadPreset("kleppmann-race");
    });
    render(<StoryStrip />);
    expect(screen.getByRole("region", { name: "About this run" })).toHaveTextContent(
      useAppStore.getState().scenario.description ?? "missing",
    );
  });

  it("names the slow link from the scenario's settings", () => {
    act(() => {
      actions.loadPreset("kleppmann-race");
    });
    render(<StoryStrip />);
    expect(screen.getByTestId("story-slow")).toHaveTextContent(
      "Slow link: client-1 → search takes 40 ms (other links 5 ms).",
    );
  });

  it("says nothing of slow links when every link is alike", () => {
    const d = {
      delayMsMin: 5,
      delayMsMax: 5,
      dropRate: 0,
      duplicateRate: 0,
      reorderRate: 0,
      reorderSpikeMs: 0,
    };
    expect(slowLinks({ default: d, links: {} })).toBeNull();
    expect(slowLinks({ default: d, links: { "a->b": { dropRate: 0.5 } } })).toBeNull();
    expect(
      slowLinks({
        default: d,
        links: { "a->b": { delayMsMax: 30 }, "c->d": { delayMsMin: 9, delayMsMax: 9 } },
      }),
    ).toBe("Slow links: a → b takes 5–30 ms; c → d takes 9 ms (other links 5 ms).");
  });

  it("falls back to the preset's line, or nothing", () => {
    expect(storyOf("  Own words. ", "default")).toBe("Own words.");
    expect(storyOf(undefined, "nope")).toBeNull();
    expect(storyOf("", "default")).toBe(PRESETS[0]?.description);
  });

  it("after an edit, says the story is where the run started and names what changed", async () => {
    act(() => {
      actions.loadPreset("acks-all-leader-failover");
    });
    render(<StoryStrip />);
    expect(screen.queryByTestId("story-drift")).toBeNull();
    act(() => {
      actions.editScenario((s) => {
        s.log.acks = 1;
      });
    });
    const strip = screen.getByRole("region", { name: "About this run" });
    expect(await screen.findByTestId("story-drift")).toHaveTextContent(
      "Changed since: acks: all → 1.",
    );
    expect(strip).toHaveTextContent(/^Started as: acks=all/);
    act(() => {
      actions.undo();
    });
    expect(screen.queryByTestId("story-drift")).toBeNull();
    expect(strip).not.toHaveTextContent("Started as");
  });

  it("a strategy switch is a comparison, not a change of the story", () => {
    act(() => {
      actions.loadPreset("kleppmann-race");
      actions.editScenario((s) => {
        s.strategy = "log";
      });
    });
    render(<StoryStrip />);
    expect(screen.queryByTestId("story-drift")).toBeNull();
  });

  it("an opened link keeps a preset's words: what it changed is named from the start", async () => {
    const race = PRESETS.find((p) => p.name === "kleppmann-race")?.scenario;
    if (race === undefined) throw new Error("no kleppmann-race preset");
    act(() => {
      actions.loadScenario({ ...race, name: "shared", seed: 7 }, null);
    });
    render(<StoryStrip />);
    expect(await screen.findByTestId("story-drift")).toHaveTextContent(
      "Changed since: Seed: 1 → 7.",
    );
  });

  it("every preset's words lead back to that preset, and a run of its own words to nothing", () => {
    for (const p of PRESETS) {
      expect(storyOrigin(p.scenario, p.name)).toEqual(p.scenario);
      expect(mayHaveDrifted(p.scenario, p.name)).toBeNull();
      expect(mayHaveDrifted({ ...p.scenario, strategy: "cdc" }, p.name)).toBeNull();
      expect(storyChanges(p.scenario, { ...p.scenario, strategy: "cdc" })).toEqual([]);
    }
    const own = { ...PRESETS[0].scenario, description: "Words of my own.", seed: 9 };
    expect(mayHaveDrifted(own, null)).toBeNull();
    expect(driftText(["a", "b", "c", "d", "e"])).toBe("a; b; c and 2 more changes");
    expect(driftText(["a", "b", "c", "d"])).toBe("a; b; c and 1 more change");
  });

  it("opens the tour from its pointer", async () => {
    render(<StoryStrip />);
    await userEvent.click(screen.getByRole("button", { name: /Take the 7-chapter tour/ }));
    expect(useTourStore.getState().open).toBe(true);
    expect(screen.queryByRole("region", { name: "About this run" })).toBeNull();
  });
});

describe("ShortcutsHelp", () => {
  it("opens from the ? button and lists the playback and tour keys", async () => {
    render(<ShortcutsHelp />);
    await userEvent.click(screen.getByRole("button", { name: "Keyboard shortcuts" }));
    const dialog = screen.getByRole("dialog", { hidden: true });
    for (const key of ["Space", "→ / ←", "Home / End", "B or .", "PageDown"])
      expect(dialog).toHaveTextContent(key);
  });

  it("opens on the ? key, but not while typing", async () => {
    render(
      <>
        <input aria-label="field" />
        <ShortcutsHelp />
      </>,
    );
    const dialog = screen.getByRole("dialog", { hidden: true });
    await userEvent.click(screen.getByRole("textbox", { name: "field" }));
    await userEvent.keyboard("?");
    expect(dialog).toHaveAttribute("data-open", "false");
    await userEvent.click(document.body);
    await userEvent.keyboard("?");
    expect(dialog).toHaveAttribute("data-open", "true");
  });
});

describe("Glossary", () => {
  it("explains every term the Log panel and the model use", async () => {
    render(<GlossaryButton />);
    await userEvent.click(screen.getByRole("button", { name: "Glossary" }));
    const dialog = screen.getByRole("dialog", { hidden: true });
    expect(dialog).toHaveAttribute("data-open", "true");
    for (const term of [
      "acks",
      "ISR",
      "High watermark",
      "Leader epoch",
      "Offset",
      "Commit policy",
      "Idempotency key",
      "Cache-aside",
    ])
      expect(dialog).toHaveTextContent(term);
  });

  it("is linked from About the model", async () => {
    render(<AboutModel />);
    await userEvent.click(screen.getByRole("button", { name: "About the model" }));
    expect(screen.getByRole("button", { name: "glossary", hidden: true })).toBeInTheDocument();
  });

  it("has a term for each word the Log panel marks, with a meaning", () => {
    const ids = GLOSSARY.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      "acks",
      "isr",
      "min-insync",
      "high-watermark",
      "above-hw",
      "leader-epoch",
      "truncated",
    ] as const) {
      expect(ids).toContain(id);
      expect(meaningOf(id).length).toBeGreaterThan(40);
    }
  });
});

describe("About the model", () => {
  it("links KIP-101 and shows docs/model.md itself", async () => {
    render(<AboutModel />);
    await userEvent.click(screen.getByRole("button", { name: "About the model" }));
    const kip = screen.getByRole("link", { name: "KIP-101", hidden: true });
    expect(kip).toHaveAttribute("href", KIP_101_URL);
    expect(KIP_101_URL).toMatch(/^https:\/\/cwiki\.apache\.org\/.*KIP-101/);
    expect(kip).toHaveAttribute("rel", expect.stringContaining("noopener"));
    const summary = screen.getByText("The long form: docs/model.md");
    const details = summary.closest("details");
    if (details === null) throw new Error("no details");
    // Every heading of the document is there, as a heading.
    const headings = [...modelDoc.matchAll(/^#{1,6}\s+(.*)$/gm)].map((m) => m[1].trim());
    expect(headings.length).toBeGreaterThan(2);
    const shown = within(details)
      .getAllByRole("heading", { hidden: true })
      .map((h) => h.textContent);
    expect(shown).toEqual(headings);
  });
});
