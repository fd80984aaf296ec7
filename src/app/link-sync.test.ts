import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defaultScenario } from "../sim/defaults";
import { MODEL_VERSION } from "../sim/model";
import { presetScenario } from "../sim/presets";
import { decodeLink, encodeLink } from "../url/index";
import { actions } from "./actions";
import { resetAppStore, useAppStore } from "./app-store";
import { resetCompareStore, useCompareStore } from "./compare";
import { setActiveExercise } from "./exercise-link";
import { resetLinkStore, useLinkStore } from "./link-store";
import {
  LINK_THROTTLE_MS,
  openDefaultScenario,
  shareLink,
  startLinkSync,
  stopLinkSync,
} from "./link-sync";
import { playback, resetPlayback } from "./playback";
import type { LinkTourPosition, TourLink } from "./tour-link";

/** A stand-in for the tour: the app knows it only through this interface. */
function fakeTour(): TourLink & { opened: Array<LinkTourPosition | null> } {
  let position: LinkTourPosition | null = null;
  let presenter = false;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of listeners) l();
  };
  const opened: Array<LinkTourPosition | null> = [];
  return {
    opened,
    position: () => position,
    open: (p) => {
      opened.push(p);
      position = p;
      notify();
    },
    presenter: () => presenter,
    setPresenter: (on) => {
      presenter = on;
      notify();
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

const race = presetScenario("kleppmann-race");
if (race === undefined) throw new Error("the kleppmann-race preset is missing");

function setHash(hash: string): void {
  window.history.replaceState(null, "", `/${hash}`);
}

/** What a person pasting into the address bar does: the hash changes, then the event fires. */
function pasteHash(hash: string): void {
  setHash(hash);
  window.dispatchEvent(new HashChangeEvent("hashchange", { newURL: window.location.href }));
}

const settle = () => vi.advanceTimersByTime(LINK_THROTTLE_MS + 1);

describe("link sync", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    resetPlayback();
    resetAppStore();
    resetLinkStore();
    resetCompareStore();
    setActiveExercise(null);
    setHash("");
  });
  afterEach(() => {
    stopLinkSync();
    setActiveExercise(null);
    vi.useRealTimers();
  });

  it("opens the link in the address bar at startup, at its playhead and strategy", () => {
    setHash(`${encodeLink(race)}&t=40&strategy=log`);
    startLinkSync();
    const { scenario, playhead, presetName } = useAppStore.getState();
    expect(scenario).toEqual({ ...race, strategy: "log" });
    expect(playhead).toBe(40);
    expect(presetName).toBe("kleppmann-race");
    expect(playback.status()).toBe("paused");
    expect(useLinkStore.getState().problem).toBeNull();
  });

  it("opens the compare pair a link carries", () => {
    setHash(encodeLink(race, { compare: ["dual-write", "cdc"] }));
    startLinkSync();
    expect(useCompareStore.getState().compare).toEqual(["dual-write", "cdc"]);
  });

  it("shows a refused link's reason, keeps the run and the pasted link", () => {
    setHash("#s=99.abc");
    startLinkSync();
    expect(useLinkStore.getState().problem).toMatchObject({
      source: "link",
      error: { code: "version" },
    });
    expect(useAppStore.getState().scenario).toEqual(defaultScenario());
    actions.seek(100);
    settle();
    expect(window.location.hash).toBe("#s=99.abc");
  });

  it("opens a link pasted later, and notes a view part it could not read", () => {
    startLinkSync();
    pasteHash(`${encodeLink(race)}&t=-5`);
    expect(useAppStore.getState().scenario).toEqual(race);
    expect(useLinkStore.getState().problem?.source).toBe("view");
    pasteHash("#about");
    expect(useAppStore.getState().scenario).toEqual(race);
  });

  it("leaves the address bar of an untouched page alone", () => {
    startLinkSync();
    settle();
    expect(window.location.hash).toBe("");
  });

  it("replaces the hash as the scenario changes, a few times a second at most", () => {
    startLinkSync();
    const replace = vi.spyOn(window.history, "replaceState");
    const push = vi.spyOn(window.history, "pushState");
    for (let seed = 2; seed < 12; seed++) {
      actions.editScenario((s) => {
        s.seed = seed;
      });
      vi.advanceTimersByTime(20);
    }
    settle();
    expect(replace).toHaveBeenCalledTimes(1);
    expect(push).not.toHaveBeenCalled();
    const decoded = decodeLink(window.location.hash);
    expect(decoded.ok && decoded.scenario.seed).toBe(11);
  });

  it("keeps ex=<id> in the address bar after edits while an exercise is active, and drops it after", () => {
    startLinkSync();
    setActiveExercise("lost-ack");
    actions.editScenario((s) => {
      s.log.acks = 1;
    });
    settle();
    const during = decodeLink(window.location.hash);
    expect(during.ok && during.view.exercise).toBe("lost-ack");
    expect(during.ok && during.scenario.log.acks).toBe(1);
    expect(window.location.hash).toMatch(/&ex=lost-ack$/);
    // Another edit keeps it.
    actions.editScenario((s) => {
      s.seed = 9;
    });
    settle();
    expect(window.location.hash).toMatch(/&ex=lost-ack$/);
    // Leaving the exercise takes it out, with no other change needed.
    setActiveExercise(null);
    settle();
    const after = decodeLink(window.location.hash);
    expect(after.ok && after.view.exercise).toBeUndefined();
    expect(after.ok && after.scenario.seed).toBe(9);
  });

  it("writes the playhead when the run stands still, not while it plays", () => {
    startLinkSync();
    actions.seek(120.7);
    settle();
    expect(window.location.hash).toMatch(/&t=120$/);
    playback.send({ type: "PLAY" });
    useAppStore.getState().setPlayhead(200);
    settle();
    expect(window.location.hash).not.toContain("t=");
    useAppStore.getState().setPlayhead(260.2);
    playback.send({ type: "PAUSE" });
    settle();
    expect(window.location.hash).toMatch(/&t=260$/);
  });

  it("puts compare mode in the link", () => {
    startLinkSync();
    useCompareStore.setState({ compare: ["log", "cdc"] });
    settle();
    expect(window.location.hash).toContain("&compare=log,cdc");
  });

  it("goes back to a clean URL and the default run", () => {
    setHash("#s=1.garbage");
    startLinkSync();
    openDefaultScenario();
    settle();
    expect(window.location.hash).toBe("");
    expect(useLinkStore.getState().problem).toBeNull();
    expect(useAppStore.getState().presetName).toBe("default");
  });

  it("shares the whole URL, written into the address bar too", () => {
    startLinkSync();
    const link = shareLink();
    expect(link).toBe(`${window.location.origin}/${encodeLink(defaultScenario())}`);
    expect(window.location.href).toBe(link);
  });

  it("writes the current model into the links it makes, and notes an older link's model", () => {
    setHash(encodeLink(race).replace(`&m=${MODEL_VERSION}`, ""));
    startLinkSync();
    expect(useLinkStore.getState().olderModel).toBe(1);
    expect(useAppStore.getState().scenario).toEqual(race);
    // The pasted link stays as it is until something changes.
    settle();
    expect(window.location.hash).not.toContain("m=");
    actions.editScenario((s) => {
      s.seed = 5;
    });
    settle();
    expect(window.location.hash).toContain(`&m=${MODEL_VERSION}`);
    expect(new URL(shareLink()).hash).toContain(`&m=${MODEL_VERSION}`);
    pasteHash(window.location.hash);
    expect(useLinkStore.getState().olderModel).toBeNull();
  });

  it("opens a link's tour step through the tour it is given, and writes the position back", () => {
    const tour = fakeTour();
    setHash(encodeLink(race, { tour: { chapter: 5, step: 1 } }));
    startLinkSync(window, { tour });
    expect(tour.opened).toEqual([{ chapter: 5, step: 1 }]);
    actions.seek(30);
    settle();
    expect(window.location.hash).toContain("&tour=5.1");
  });

  it("opens a short tour link (#tour=5.1, no scenario) at that step, without a problem", () => {
    const tour = fakeTour();
    setHash("#tour=5.1");
    startLinkSync(window, { tour });
    expect(tour.opened).toEqual([{ chapter: 5, step: 1 }]);
    expect(useLinkStore.getState().problem).toBeNull();
    pasteHash("#tour=6.3&presenter=1");
    expect(tour.opened).toEqual([
      { chapter: 5, step: 1 },
      { chapter: 6, step: 3 },
    ]);
    expect(tour.presenter()).toBe(true);
  });

  it("opens a hash put in the address bar just before a pending write, instead of writing over it", () => {
    const tour = fakeTour();
    setHash("#tour=5.1");
    startLinkSync(window, { tour });
    // The run settles: a write of the 5.1 link is pending...
    actions.seek(30);
    // ...when a person (or a test's goto) puts another link there; its hashchange has not arrived.
    setHash("#tour=6.3&presenter=1");
    settle();
    expect(tour.opened).toEqual([
      { chapter: 5, step: 1 },
      { chapter: 6, step: 3 },
    ]);
    expect(tour.presenter()).toBe(true);
    expect(window.location.hash).toContain("tour=6.3");
    expect(window.location.hash).toContain("presenter=1");
    // The late hashchange finds the bar already read, and opens nothing twice.
    window.dispatchEvent(
      new HashChangeEvent("hashchange", {
        newURL: `${window.location.origin}/#tour=6.3&presenter=1`,
      }),
    );
    expect(tour.opened).toHaveLength(2);
  });

  it("keeps presenter mode in the link, so a reload keeps it; a shared link leaves it out", () => {
    const tour = fakeTour();
    startLinkSync(window, { tour });
    tour.setPresenter(true);
    settle();
    expect(window.location.hash).toMatch(/&presenter=1$/);
    // What the page reads back at the reload.
    const reloaded = fakeTour();
    stopLinkSync();
    startLinkSync(window, { tour: reloaded });
    expect(reloaded.presenter()).toBe(true);
    expect(decodeLink(window.location.hash).ok).toBe(true);
    expect(shareLink()).not.toContain("presenter");
    expect(window.location.hash).toContain("&presenter=1");
  });
});
