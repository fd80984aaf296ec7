import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { actions } from "../../app/actions";
import { useAppStore } from "../../app/app-store";
import { PRESETS } from "../../sim/presets";
import { useTourStore } from "../../tour/tour-store";
import { AboutModel } from "../AboutModel";
import { GlossaryButton } from "./Glossary";
import { ShortcutsHelp } from "./ShortcutsHelp";
import { StoryStrip, storyOf } from "./StoryStrip";

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

  it("falls back to the preset's line, or nothing", () => {
    expect(storyOf("  Own words. ", "default")).toBe("Own words.");
    expect(storyOf(undefined, "nope")).toBeNull();
    expect(storyOf("", "default")).toBe(PRESETS[0]?.description);
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
});
