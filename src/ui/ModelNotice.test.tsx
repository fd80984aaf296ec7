import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import modelChanges from "../../docs/model-changes.md?raw";
import { resetAppStore } from "../app/app-store";
import { resetLinkStore, useLinkStore } from "../app/link-store";
import { openDefaultScenario, openLink, stopLinkSync } from "../app/link-sync";
import { importScenarioText } from "../app/open-scenario";
import { resetPlayback } from "../app/playback";
import { MODEL_VERSION } from "../sim/model";
import { presetScenario } from "../sim/presets";
import { encodeLink } from "../url/index";
import { parseMarkdown } from "./Markdown";
import { ModelNotice } from "./ModelNotice";

const race = presetScenario("kleppmann-race");
if (race === undefined) throw new Error("the kleppmann-race preset is missing");
const current = encodeLink(race, { playhead: 40 });
/** The same link as made before links carried a model version. */
const old = current.replace(`&m=${MODEL_VERSION}`, "");

describe("ModelNotice", () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
    resetLinkStore();
    window.history.replaceState(null, "", "/");
  });
  afterEach(() => stopLinkSync());

  it("says nothing for a link of the current model", () => {
    render(<ModelNotice />);
    act(() => {
      openLink(current);
    });
    expect(useLinkStore.getState().olderModel).toBeNull();
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });

  it("says an older link replays under the current model, in one line, until dismissed", async () => {
    const user = userEvent.setup();
    render(<ModelNotice />);
    act(() => {
      openLink(old);
    });
    const status = screen.getByRole("status");
    expect(status).toHaveTextContent(
      `This link was made with model 1 of the simulator; it now replays under model ${MODEL_VERSION}, so the run may differ.`,
    );
    expect(screen.getAllByRole("status")).toHaveLength(1);
    // Both buttons are reachable from the keyboard, in reading order.
    await user.tab();
    expect(within(status).getByRole("button", { name: "What changed" })).toHaveFocus();
    await user.tab();
    expect(within(status).getByRole("button", { name: "Dismiss" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });

  it("shows docs/model-changes.md as it is, whatever it holds", async () => {
    const user = userEvent.setup();
    render(<ModelNotice />);
    act(() => {
      openLink(old);
    });
    await user.click(screen.getByRole("button", { name: "What changed" }));
    const dialog = screen.getByRole("dialog", { hidden: true });
    expect(dialog).toHaveAttribute("aria-label", "Model changes");
    // jsdom has no showModal; the browser test sees the dialog open.
    const blocks = parseMarkdown(modelChanges);
    // Every model version since the first has its heading.
    for (let m = 2; m <= MODEL_VERSION; m++)
      expect(blocks).toContainEqual({ kind: "heading", level: 2, text: `Model ${m}` });
    for (const b of blocks) {
      if (b.kind === "heading")
        expect(within(dialog).getByRole("heading", { name: b.text, hidden: true })).toBeTruthy();
      if (b.kind === "list") {
        // An item may hold **bold** and `code`, which split its text across elements.
        const shown = [...dialog.querySelectorAll("li")].map((li) => li.textContent);
        for (const item of b.items) expect(shown).toContain(item.replace(/\*\*|`/g, ""));
      }
    }
    await user.click(within(dialog).getByRole("button", { name: "Close", hidden: true }));
    expect(screen.getByRole("status")).toBeInTheDocument();
  });

  it("goes when another link, a file or the default scenario is opened", () => {
    render(<ModelNotice />);
    act(() => {
      openLink(old);
    });
    act(() => {
      openLink(current);
    });
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
    act(() => {
      openLink(old);
    });
    act(() => {
      importScenarioText(JSON.stringify(race), "race.json");
    });
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
    act(() => {
      openLink(old);
    });
    act(() => openDefaultScenario());
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });
});
