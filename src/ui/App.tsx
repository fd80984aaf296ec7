import "./panels.css";
import "./help/help.css";
import { PlaybackControls } from "./controls/PlaybackControls";
import { ScenarioControls } from "./controls/ScenarioControls";
import { AnomalyPause } from "./help/AnomalyPause";
import { StoryStrip } from "./help/StoryStrip";
import { Deferred, lazyNamed } from "./lazy";
import { PanelBoundary } from "./PanelBoundary";
import { AnomaliesPanel } from "./panels/AnomaliesPanel";
import { BreakItPanel } from "./panels/BreakItPanel";
import { CappedNotice } from "./panels/CappedNotice";
import { ComputingNotice } from "./panels/ComputingNotice";
import { EventList } from "./panels/EventList";
import { LogPanel } from "./panels/LogPanel";
import { RunSummary } from "./panels/RunSummary";
import { StoresPanel } from "./panels/StoresPanel";
import { TimelinePane } from "./TimelinePane";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";

// Views the default page does not need to be usable load in chunks of their
// own, right after the first render (src/ui/lazy.tsx): the first visit stays light.
const AboutModel = lazyNamed(() => import("./AboutModel"), "AboutModel");
const ShortcutsHelp = lazyNamed(() => import("./help/ShortcutsHelp"), "ShortcutsHelp");
const FirstVisit = lazyNamed(() => import("./help/FirstVisit"), "FirstVisit");
const ModelNotice = lazyNamed(() => import("./ModelNotice"), "ModelNotice");
const Tour = lazyNamed(() => import("./tour/Tour"), "Tour");
const WorkshopButton = lazyNamed(() => import("./workshop/WorkshopButton"), "WorkshopButton");
const PresenterKit = lazyNamed(() => import("./kit/PresenterKit"), "PresenterKit");
// Share, file import and the link's messages bring the restore door (zod) with them.
const ShareControls = lazyNamed(() => import("./ShareControls"), "ShareControls");

/**
 * The simulator's page. A speaker window (`?view=speaker`) never gets here:
 * src/main.tsx shows src/ui/speaker instead, without loading or running a scenario.
 */
export function App() {
  useKeyboardShortcuts();
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          Inside Out <span className="tagline">dual writes vs. the log</span>
        </h1>
        <PanelBoundary name="The run summary">
          <RunSummary />
        </PanelBoundary>
        <Deferred
          labels={[
            "Share",
            "Export scenario",
            "Import scenario",
            "Export trace (Perfetto)",
            "Export events (CSV)",
          ]}
        >
          <ShareControls />
        </Deferred>
        <PanelBoundary name="The tour">
          <Deferred labels={["Tour", "Presenter mode"]}>
            <Tour />
          </Deferred>
        </PanelBoundary>
        <Deferred labels={["About the model"]}>
          <AboutModel />
        </Deferred>
        <Deferred labels={["?"]}>
          <ShortcutsHelp />
        </Deferred>
        <PanelBoundary name="The workshop">
          <Deferred labels={["Workshop"]}>
            <WorkshopButton />
          </Deferred>
        </PanelBoundary>
        <PanelBoundary name="The presenter's kit">
          <Deferred>
            <PresenterKit />
          </Deferred>
        </PanelBoundary>
      </header>
      <PanelBoundary name="The story">
        <StoryStrip />
      </PanelBoundary>
      <PanelBoundary name="The first-visit intro">
        <Deferred>
          <FirstVisit />
        </Deferred>
      </PanelBoundary>
      <section className="toolbar" aria-label="Controls">
        <PanelBoundary name="The playback controls">
          <PlaybackControls />
        </PanelBoundary>
        <PanelBoundary name="The scenario controls">
          <ScenarioControls />
        </PanelBoundary>
      </section>
      <PanelBoundary name="The anomaly cue">
        <AnomalyPause />
      </PanelBoundary>
      <Deferred>
        <ModelNotice />
      </Deferred>
      <ComputingNotice />
      <CappedNotice />
      <main className="main">
        <PanelBoundary name="The timeline">
          <TimelinePane />
        </PanelBoundary>
        <PanelBoundary name="The event list">
          <EventList />
        </PanelBoundary>
        <div className="panels">
          <div className="panel-column">
            <PanelBoundary name="The stores panel">
              <StoresPanel />
            </PanelBoundary>
            <PanelBoundary name="The log panel">
              <LogPanel />
            </PanelBoundary>
          </div>
          <PanelBoundary name="The anomalies panel">
            <AnomaliesPanel />
          </PanelBoundary>
          <PanelBoundary name="Break it live">
            <BreakItPanel />
          </PanelBoundary>
        </div>
      </main>
    </div>
  );
}
