import { CHAPTERS } from "../../tour/chapters";
import { tourActions } from "../../tour/tour-store";

/** The seven chapters; the current one is marked for screen readers and the eye. */
export function ChapterNav({ current }: { current: number }) {
  return (
    <nav className="tour-chapters" aria-label="Chapters">
      <ol>
        {CHAPTERS.map((c, i) => (
          <li key={c.number}>
            <button
              type="button"
              aria-current={i === current ? "step" : undefined}
              onClick={() => tourActions.goto(i, 0)}
              title={`Chapter ${c.number}: ${c.title} (key ${c.number})`}
            >
              <span className="tour-chapter-number">{c.number}</span>
              <span className="tour-chapter-title">{c.title}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
