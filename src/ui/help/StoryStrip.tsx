import { useEffect, useState } from "react";
import { useAppStore } from "../../app/app-store";
import { PRESETS } from "../../sim/presets";
import type { NetworkOptions, Scenario } from "../../sim/types";
import { tourActions, useTourStore } from "../../tour/tour-store";
import { mayHaveDrifted } from "./story-drift";

/** The scenario's own words: its description, else its preset's one line. */
export function storyOf(description: string | undefined, presetName: string | null): string | null {
  if (description !== undefined && description.trim() !== "") return description.trim();
  return PRESETS.find((p) => p.name === presetName)?.description ?? null;
}

/** "5 ms" or "5–20 ms". */
const delay = (min: number, max: number) => (min === max ? `${min} ms` : `${min}–${max} ms`);

/**
 * The links slower than the rest, from the scenario's settings: "client-1 →
 * search takes 40 ms (other links 5 ms)", or null when every link is alike.
 */
export function slowLinks(network: NetworkOptions): string | null {
  const d = network.default;
  const slow = Object.entries(network.links)
    .map(([link, o]) => ({
      link: link.replace("->", " → "),
      min: o.delayMsMin ?? d.delayMsMin,
      max: o.delayMsMax ?? d.delayMsMax,
    }))
    .filter((l) => l.max > d.delayMsMax || l.min > d.delayMsMin);
  if (slow.length === 0) return null;
  const list = slow.map((l) => `${l.link} takes ${delay(l.min, l.max)}`).join("; ");
  return `Slow ${slow.length === 1 ? "link" : "links"}: ${list} (other links ${delay(d.delayMsMin, d.delayMsMax)}).`;
}

type ChangesModule = typeof import("./story-changes");
let changesModule: ChangesModule | null = null;

/**
 * What changed since the story's scenario, as text ("acks: all → 1"), or null
 * while nothing has (or the comparison is still loading, for a moment).
 */
function useStoryDrift(scenario: Scenario, presetName: string | null): string | null {
  const origin = mayHaveDrifted(scenario, presetName);
  const [loaded, setLoaded] = useState<ChangesModule | null>(changesModule);
  useEffect(() => {
    if (origin === null || loaded !== null) return;
    let live = true;
    void import("./story-changes").then((m) => {
      changesModule = m;
      if (live) setLoaded(m);
    });
    return () => {
      live = false;
    };
  }, [origin, loaded]);
  if (origin === null || loaded === null) return null;
  const changes = loaded.storyChanges(origin, scenario);
  return changes.length === 0 ? null : loaded.driftText(changes);
}

/**
 * What this run is, in a sentence or two, and a pointer to the tour: a shared
 * link has to say what it shows to someone who opens it alone.
 */
export function StoryStrip() {
  const description = useAppStore((s) => s.scenario.description);
  const presetName = useAppStore((s) => s.presetName);
  const network = useAppStore((s) => s.scenario.network);
  const tourOpen = useTourStore((s) => s.open);
  const scenario = useAppStore((s) => s.scenario);
  const story = storyOf(description, presetName);
  const drift = useStoryDrift(scenario, presetName);
  const slow = slowLinks(network);
  if (tourOpen) return null;
  return (
    <section className="story-strip" aria-label="About this run">
      {story !== null && (
        <p className="story-text">
          {drift !== null && <span className="story-started">Started as: </span>}
          {story}
        </p>
      )}
      {story !== null && drift !== null && (
        <p className="story-drift" data-testid="story-drift">
          Changed since: {drift}. The sentence above may no longer hold; the timeline shows this
          run.
        </p>
      )}
      {slow !== null && (
        <p className="story-slow" data-testid="story-slow">
          {slow}
        </p>
      )}
      <p className="story-hint">
        Press Play, or step with → to watch each message arrive; anomalies light up on the timeline
        as they happen.{" "}
        <button type="button" className="link-button" onClick={tourActions.start}>
          New here? Take the 7-chapter tour
        </button>
      </p>
    </section>
  );
}
