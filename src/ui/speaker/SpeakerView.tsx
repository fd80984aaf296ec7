import { useEffect, useRef, useState } from "react";
import { CHAPTERS } from "../../tour/chapters";
import { notesFor } from "../../tour/notes";
import {
  SPEAKER_CHANNEL,
  type SpeakerClient,
  type SpeakerCommand,
  type SpeakerTourView,
  startSpeakerClient,
} from "../../tour/speaker-sync";
import "./speaker.css";

/** What the speaker window knows of the main window. */
type Link = "waiting" | "gone" | SpeakerTourView;

/** The step after (chapter, step) in talk order, or null at the end. */
function nextOf(chapter: number, step: number) {
  const here = CHAPTERS[chapter];
  if (here === undefined) return null;
  if (step + 1 < here.steps.length) return { chapter: here, step: here.steps[step + 1] };
  const after = CHAPTERS[chapter + 1];
  return after === undefined ? null : { chapter: after, step: after.steps[0] };
}

/** m:ss, or h:mm:ss past the hour. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Follows the main window over the speaker channel; `send` asks it to move. */
function useSpeakerLink(): [Link, (command: SpeakerCommand) => void] {
  const [link, setLink] = useState<Link>("waiting");
  const client = useRef<SpeakerClient | null>(null);
  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const channel = new BroadcastChannel(SPEAKER_CHANNEL);
    client.current = startSpeakerClient(channel, (view) => setLink(view ?? "gone"));
    return () => {
      client.current?.stop();
      client.current = null;
      channel.close();
    };
  }, []);
  return [link, (command) => client.current?.send(command)];
}

/** The clicker's keys, sent to the main window; nothing moves here until it answers. */
function commandFor(key: string): SpeakerCommand | undefined {
  switch (key) {
    case " ":
    case "PageDown":
    case "ArrowRight":
      return { type: "next" };
    case "PageUp":
    case "ArrowLeft":
      return { type: "prev" };
    case "Home":
      return { type: "first" };
    case "End":
      return { type: "last" };
    case "b":
    case "B":
    case ".":
      return { type: "blank" };
    default: {
      const chapter = Number(key);
      if (Number.isInteger(chapter) && chapter >= 1 && chapter <= CHAPTERS.length)
        return { type: "goto", chapter: chapter - 1, step: 0 };
      return undefined;
    }
  }
}

function useSpeakerKeys(send: (command: SpeakerCommand) => void): void {
  const latest = useRef(send);
  latest.current = send;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const command = commandFor(e.key);
      if (command === undefined) return;
      // Space on a focused button would press it too: the key means "next" here.
      e.preventDefault();
      latest.current(command);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}

function Status({ link, send }: { link: Link; send: (command: SpeakerCommand) => void }) {
  if (link === "waiting")
    return (
      <p className="speaker-status" role="status">
        Waiting for the main window… Keep the page that opened this one open (same browser).
      </p>
    );
  if (link === "gone")
    return (
      <p className="speaker-status" role="status">
        The main window closed or reloaded; this view follows it again as soon as it is back.
      </p>
    );
  if (!link.open)
    return (
      <p className="speaker-status" role="status">
        The main window is not in the tour.{" "}
        <button type="button" onClick={() => send({ type: "start" })}>
          Start the tour there
        </button>
      </p>
    );
  return (
    <p className="speaker-status" role="status">
      Following the main window{link.presenter ? " (presenter mode)" : ""}.
      {link.blank && <strong className="speaker-blank"> Screen blanked (B to show it).</strong>}
    </p>
  );
}

/**
 * The speaker view, in a second window (`?view=speaker`): the current step's
 * notes, the next step, elapsed time and the clock, kept in step with the main
 * window. It starts no run and plays nothing: every move is a command to the
 * main window, shown here when the main window has made it.
 */
export function SpeakerView() {
  const [link, send] = useSpeakerLink();
  useSpeakerKeys(send);
  const now = useNow();
  const [startedAt, setStartedAt] = useState(() => Date.now());
  useEffect(() => {
    document.title = "Speaker view — Inside Out";
  }, []);
  const view = typeof link === "object" && link.open ? link : null;
  const chapter = view === null ? undefined : CHAPTERS[view.chapter];
  const step = view === null ? undefined : chapter?.steps[view.step];
  const notes = step === undefined ? undefined : notesFor(step.id);
  const next = view === null ? null : nextOf(view.chapter, view.step);
  const atStart = view === null || (view.chapter === 0 && view.step === 0);
  return (
    <div className="speaker" data-step={step?.id ?? ""}>
      <header className="speaker-head">
        <h1 className="speaker-where">
          {chapter !== undefined && step !== undefined && view !== null
            ? `Chapter ${chapter.number} · ${chapter.title} — step ${view.step + 1} of ${chapter.steps.length}`
            : "Speaker view"}
        </h1>
        <div className="speaker-clocks">
          <button
            type="button"
            className="speaker-timer"
            onClick={() => setStartedAt(Date.now())}
            title="Elapsed since this view opened; click to restart it"
          >
            <span className="speaker-clock-label">Elapsed</span>{" "}
            <span data-testid="speaker-elapsed">{formatElapsed(now - startedAt)}</span>
          </button>
          <span className="speaker-clock">
            <span className="speaker-clock-label">Clock</span>{" "}
            <time data-testid="speaker-clock">
              {new Date(now).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}
            </time>
          </span>
        </div>
      </header>
      <Status link={link} send={send} />
      <main className="speaker-main">
        <section className="speaker-now" aria-label="Current step">
          {step === undefined ? (
            <p className="speaker-empty">No step on screen yet.</p>
          ) : (
            <>
              <h2 className="speaker-title">{step.title}</h2>
              {notes === undefined ? (
                <p className="speaker-empty">This step has no notes.</p>
              ) : (
                <dl className="speaker-notes">
                  <dt>Say</dt>
                  <dd>{notes.say}</dd>
                  <dt>Ask</dt>
                  <dd>{notes.ask}</dd>
                  <dt>Answer</dt>
                  <dd>{notes.answer}</dd>
                </dl>
              )}
              <p className="speaker-caption">
                <span className="speaker-clock-label">On screen:</span> {step.caption}
              </p>
            </>
          )}
        </section>
        <section className="speaker-next" aria-label="Next step">
          <h2 className="speaker-next-label">Next</h2>
          {view === null ? (
            <p className="speaker-empty">—</p>
          ) : next === null ? (
            <p className="speaker-next-title">End of the talk.</p>
          ) : (
            <>
              {next.chapter !== chapter && (
                <p className="speaker-next-chapter">
                  Chapter {next.chapter.number} · {next.chapter.title}
                </p>
              )}
              <p className="speaker-next-title" data-testid="speaker-next-title">
                {next.step.title}
              </p>
              <p className="speaker-next-caption">{next.step.caption}</p>
            </>
          )}
        </section>
      </main>
      <nav className="speaker-nav" aria-label="Move the talk">
        <button
          type="button"
          onClick={() => send({ type: "prev" })}
          disabled={view === null || atStart}
          aria-keyshortcuts="PageUp ArrowLeft"
        >
          ← Previous step
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => send({ type: "next" })}
          disabled={view === null || next === null}
          aria-keyshortcuts="PageDown ArrowRight Space"
        >
          Next step →
        </button>
        <button
          type="button"
          onClick={() => send({ type: "blank" })}
          disabled={view === null}
          aria-keyshortcuts="B"
          aria-pressed={view?.blank ?? false}
        >
          Blank the screen
        </button>
      </nav>
    </div>
  );
}
