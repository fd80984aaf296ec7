import { useId } from "react";
import { useAppStore } from "../../app/app-store";
import { playback, playSeconds, usePlaybackSpeed, usePlaybackStatus } from "../../app/playback";
import { SPEEDS } from "../../app/playback-machine";

function PlayIcon({ playing }: { playing: boolean }) {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      {playing ? (
        <path d="M2 1h3v10H2zM7 1h3v10H7z" fill="currentColor" />
      ) : (
        <path d="M2 1 L11 6 L2 11 Z" fill="currentColor" />
      )}
    </svg>
  );
}

/** A bar and a triangle; drawn, since icon glyphs are missing from many system fonts. */
function StepIcon({ back = false }: { back?: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <g transform={back ? "matrix(-1 0 0 1 14 0)" : undefined} fill="currentColor">
        <path d="M2 1.5 L10 7 L2 12.5 Z" />
        <rect x="10.5" y="1.5" width="2" height="11" />
      </g>
    </svg>
  );
}

export function PlaybackControls() {
  const status = usePlaybackStatus();
  const speed = usePlaybackSpeed();
  const playhead = useAppStore((s) => s.playhead);
  const end = useAppStore((s) => s.trace.endTime);
  const playing = status === "playing";
  const seconds = Math.round(playSeconds(end, speed));
  const paceText = `At ${speed}× this run plays in about ${seconds} s; step with → to go event by event`;
  const timeId = useId();
  return (
    <div className="control-group playback">
      <button
        type="button"
        className="primary play"
        onClick={() => playback.send({ type: "TOGGLE" })}
        aria-keyshortcuts="Space"
      >
        <PlayIcon playing={playing} /> {playing ? "Pause" : "Play"}
      </button>
      <button
        type="button"
        onClick={() => playback.send({ type: "STEP_BACK" })}
        aria-label="Step back"
        title="Step back (←)"
        aria-keyshortcuts="ArrowLeft"
      >
        <StepIcon back />
      </button>
      <button
        type="button"
        onClick={() => playback.send({ type: "STEP_FORWARD" })}
        aria-label="Step forward"
        title="Step forward (→)"
        aria-keyshortcuts="ArrowRight"
      >
        <StepIcon />
      </button>
      <button type="button" onClick={() => playback.send({ type: "RESTART" })}>
        Restart
      </button>
      <label className="field">
        <span>Speed</span>
        <select
          value={String(speed)}
          title={paceText}
          onChange={(e) => playback.send({ type: "SET_SPEED", speed: Number(e.target.value) })}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <div className="field time">
        <label htmlFor={timeId}>Time</label>
        <input
          id={timeId}
          type="range"
          min={0}
          max={end}
          step={1}
          value={Math.round(playhead)}
          onChange={(e) => playback.send({ type: "SEEK", t: Number(e.target.value) })}
          aria-valuetext={`${Math.round(playhead)} of ${end} ms`}
        />
        <output className="readout" htmlFor={timeId}>
          {Math.round(playhead)} / {end} ms
        </output>
      </div>
    </div>
  );
}
