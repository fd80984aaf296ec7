import { useAppStore } from "../../app/app-store";
import { PRESETS } from "../../sim/presets";
import { tourActions, useTourStore } from "../../tour/tour-store";

/** The scenario's own words: its description, else its preset's one line. */
export function storyOf(description: string | undefined, presetName: string | null): string | null {
  if (description !== undefined && description.trim() !== "") return description.trim();
  return PRESETS.find((p) => p.name === presetName)?.description ?? null;
}

/**
 * What this run is, in a sentence or two, and a pointer to the tour: a shared
 * link has to say what it shows to someone who opens it alone.
 */
export function StoryStrip() {
  const description = useAppStore((s) => s.scenario.description);
  const presetName = useAppStore((s) => s.presetName);
  const tourOpen = useTourStore((s) => s.open);
  const story = storyOf(description, presetName);
  if (tourOpen) return null;
  return (
    <section className="story-strip" aria-label="About this run">
      {story !== null && <p className="story-text">{story}</p>}
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
