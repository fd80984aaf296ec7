import { lazy, StrictMode, Suspense } from "react";
import { createRoot, type Root } from "react-dom/client";
import { registerOffline } from "./app/offline";
import { isSpeakerWindow } from "./ui/kit/speaker-window";
import "./index.css";

/**
 * The page's entry. It holds only what both kinds of window need (React and
 * the stylesheet) and chooses: a speaker view (`?view=speaker`) loads just its
 * notes and never simulates anything; the simulator loads the default run.
 * The simulator's modules are preloaded from index.html (vite.config.ts,
 * `preloadSimulator`, whose PAGE_MODULES lists the four imported below), so
 * choosing costs no round trip.
 */
const element = document.getElementById("root");
if (element === null) throw new Error("index.html has no #root element");
const root = createRoot(element);

if (isSpeakerWindow()) startSpeaker(root);
else void startSimulator(root);

function startSpeaker(root: Root): void {
  const SpeakerView = lazy(async () => ({
    default: (await import("./ui/speaker/SpeakerView")).SpeakerView,
  }));
  root.render(
    <StrictMode>
      <Suspense fallback={<p>Loading the speaker view…</p>}>
        <SpeakerView />
      </Suspense>
    </StrictMode>,
  );
}

async function startSimulator(root: Root): Promise<void> {
  // Importing the app store runs the default scenario (simulate + check).
  const page = Promise.all([
    import("./ui/App"),
    import("./ui/PanelBoundary"),
    import("./tour/tour-store"),
    import("./ui/bench-mode"),
  ]);
  // A link (`#s=…`, `#tour=…`, presenter mode) is opened before the first
  // render, so its run is the first thing painted. Without one, the link
  // machinery (the restore door and its schema) is not needed to paint and
  // arrives just after.
  const hasLink = window.location.hash.length > 1;
  if (hasLink) await startLinks(page);
  const [{ App }, { PanelBoundary }] = await page;
  root.render(
    <StrictMode>
      <PanelBoundary name="Inside Out">
        <App />
      </PanelBoundary>
    </StrictMode>,
  );
  if (!hasLink) await startLinks(page);
  // The offline precache downloads the whole build: not while the first visit still loads.
  whenIdle(registerOffline);
}

async function startLinks(
  page: Promise<[unknown, unknown, typeof import("./tour/tour-store"), unknown]>,
) {
  const [{ startLinkSync }, [, , { tourLink }]] = await Promise.all([
    import("./app/link-sync"),
    page,
  ]);
  startLinkSync(window, { tour: tourLink });
}

function whenIdle(run: () => void): void {
  if (typeof window.requestIdleCallback === "function")
    window.requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 500);
}
