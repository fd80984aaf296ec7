import { useEffect, useId, useMemo, useState } from "react";
import { createPortal } from "react-dom";
import { useAppStore } from "../../app/app-store";
import { exerciseById } from "../../workshop/exercises";
import { exerciseSession, useExerciseSession } from "./exercise-session";
import { ProofBox } from "./ProofBox";
import { absolute, verdictPrefix } from "./verdict-text";

/** Room at the page's foot so the banner never hides the last controls. */
const BODY_CLASS = "has-exercise-banner";
/** The banner's height in px, kept on the body so its padding always matches the banner. */
const HEIGHT_VAR = "--exercise-banner-h";

/**
 * The timeline is what a learner checks against: when the banner grows (a
 * verdict, the proof) over a timeline that was in view, the page scrolls by
 * as much as the banner covers of it, never past the timeline's top.
 */
export function keepTimelineClear(bannerTop: number): number {
  const plot = document.querySelector('[data-testid="timeline"] .tl-plot');
  if (plot === null) return 0;
  const r = plot.getBoundingClientRect();
  // Only a timeline on screen above the banner is kept there; elsewhere the learner scrolled away.
  if (r.height === 0 || r.top >= bannerTop || r.bottom <= bannerTop) return 0;
  const by = Math.min(r.bottom - bannerTop, Math.max(0, r.top));
  if (by > 0) window.scrollBy(0, by);
  return by;
}

/** Tracks the banner's height into the body's padding, and keeps the timeline clear of it. */
function useBannerRoom(el: HTMLElement | null): void {
  useEffect(() => {
    if (el === null) return;
    const body = document.body;
    let last = 0;
    const measure = () => {
      const h = Math.ceil(el.getBoundingClientRect().height);
      body.style.setProperty(HEIGHT_VAR, `${h}px`);
      if (h > last) keepTimelineClear(window.innerHeight - h);
      last = h;
    };
    measure();
    // A window resized (a projector, a rotated tablet) reflows both: keep the timeline clear again.
    const onResize = () => keepTimelineClear(window.innerHeight - last);
    window.addEventListener("resize", onResize);
    const ro = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(measure);
    ro?.observe(el);
    return () => {
      ro?.disconnect();
      window.removeEventListener("resize", onResize);
      body.style.removeProperty(HEIGHT_VAR);
    };
  }, [el]);
}

/**
 * A slim bar along the bottom of the window while an exercise is active: its
 * goal, what may change, Check, a hint, and the way out. It stays as the
 * visitor edits the scenario, loads presets or opens the dialog, until Leave.
 */
export function ExerciseBanner() {
  const active = useExerciseSession((s) => s.active);
  const verdict = useExerciseSession((s) => (s.active === null ? undefined : s.verdicts[s.active]));
  const solved = useExerciseSession((s) => (s.active === null ? undefined : s.progress[s.active]));
  const checking = useExerciseSession((s) => s.checking !== null && s.checking === s.active);
  const scenario = useAppStore((s) => s.scenario);
  // A verdict is about the run that was checked; after a change it no longer speaks of the screen.
  const stale = useMemo(
    () =>
      verdict !== undefined &&
      verdict.checked !== scenario &&
      JSON.stringify(verdict.checked) !== JSON.stringify(scenario),
    [verdict, scenario],
  );
  const [hint, setHint] = useState(false);
  const [proof, setProof] = useState(false);
  const id = useId();
  const [el, setEl] = useState<HTMLElement | null>(null);
  useBannerRoom(el);
  const exercise = active === null ? undefined : exerciseById(active);
  const shown = exercise !== undefined;
  useEffect(() => {
    if (!shown) return;
    document.body.classList.add(BODY_CLASS);
    return () => document.body.classList.remove(BODY_CLASS);
  }, [shown]);
  if (exercise === undefined) return null;
  const name = `Exercise ${exercise.number}: ${exercise.title}`;
  const banner = (
    <section ref={setEl} className="exercise-banner" aria-label={name}>
      <div className="exercise-banner-text">
        <p className="exercise-banner-goal">
          <strong>{name}</strong>
          {solved && <span className="badge solved">Solved</span>} {exercise.goal}
        </p>
        <p className="exercise-banner-may">{exercise.mayChange}</p>
        {hint && (
          <p id={`${id}-hint`} className="exercise-banner-hint">
            Hint: {exercise.hint}
          </p>
        )}
        <p
          role="status"
          className={
            verdict === undefined
              ? "verdict"
              : `verdict ${stale ? "stale" : verdict.ok ? "pass" : "fail"}`
          }
        >
          {verdict !== undefined && (
            <>
              {stale && (
                <strong className="verdict-stale">
                  You have changed the run since this check; press Check again.{" "}
                </strong>
              )}
              {verdictPrefix(verdict)}
              {/* The line above already says what may change: do not say it twice. */}
              {verdict.reason.replace(`${exercise.mayChange} `, "")}
            </>
          )}
          {checking && "Checking…"}
          {!checking &&
            verdict?.source === "own" &&
            verdict.ok &&
            !verdict.notCounted &&
            solved && (
              <>
                {" "}
                <a href={absolute(solved.link)}>Link to your solution</a> ·{" "}
                <button
                  type="button"
                  className="link-button"
                  aria-expanded={proof}
                  onClick={() => setProof(!proof)}
                >
                  Proof for the facilitator
                </button>
              </>
            )}
        </p>
        {proof && <ProofBox />}
      </div>
      <div className="exercise-banner-actions">
        <button
          type="button"
          className="primary"
          disabled={checking}
          onClick={() => void exerciseSession.check(exercise.id)}
        >
          {checking ? "Checking…" : "Check"}
        </button>
        <button
          type="button"
          aria-expanded={hint}
          aria-controls={hint ? `${id}-hint` : undefined}
          onClick={() => setHint(!hint)}
        >
          Hint
        </button>
        <button
          type="button"
          title="Load the exercise's starting scenario again"
          onClick={() => exerciseSession.start(exercise.id)}
        >
          Start over
        </button>
        <button type="button" onClick={() => exerciseSession.leave()}>
          Leave exercise
        </button>
      </div>
    </section>
  );
  return typeof document === "undefined" ? banner : createPortal(banner, document.body);
}
