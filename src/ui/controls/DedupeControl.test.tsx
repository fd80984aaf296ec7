import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { actions } from "../../app/actions";
import { resetAppStore, useAppStore } from "../../app/app-store";
import { resetPlayback } from "../../app/playback";
import { STRATEGIES } from "../../sim/types";
import { encodeLink } from "../../url/index";
import { DEDUPE_HELP, DedupeControl } from "./DedupeControl";

describe("DedupeControl", () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
  });

  it("turns dedupe on, then off again by leaving the field out, re-simulating each time", async () => {
    const user = userEvent.setup();
    render(<DedupeControl />);
    const box = screen.getByRole("checkbox", { name: "Deduplicate retries" });
    expect(box).toHaveAccessibleDescription(`${DEDUPE_HELP}.`);
    expect(box).not.toBeChecked();
    const before = useAppStore.getState().scenario;
    const link = encodeLink(before);

    await user.click(box);
    expect(useAppStore.getState().scenario.dedupe).toBe(true);
    expect(useAppStore.getState().trace.scenario.dedupe).toBe(true);
    expect(box).toBeChecked();

    await user.click(box);
    const after = useAppStore.getState().scenario;
    expect("dedupe" in after).toBe(false);
    expect(after).toEqual(before);
    // Off is the scenario as it was: the same link, byte for byte.
    expect(encodeLink(after)).toBe(link);
    expect(box).not.toBeChecked();
  });

  it.each(STRATEGIES)("is offered and works under %s", async (strategy) => {
    const user = userEvent.setup();
    act(() =>
      actions.editScenario((s) => {
        s.strategy = strategy;
      }),
    );
    render(<DedupeControl />);
    await user.click(screen.getByRole("checkbox", { name: "Deduplicate retries" }));
    expect(useAppStore.getState().scenario).toMatchObject({ strategy, dedupe: true });
  });

  it("follows a scenario that arrives with dedupe on", () => {
    render(<DedupeControl />);
    act(() => actions.loadScenario({ ...useAppStore.getState().scenario, dedupe: true }));
    expect(screen.getByRole("checkbox", { name: "Deduplicate retries" })).toBeChecked();
  });
});
