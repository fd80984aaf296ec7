import "./panels.css";
import "./help/help.css";
import { AboutModel } from "./AboutModel";
import { PlaybackControls } from "./controls/PlaybackControls";
import { ScenarioControls } from "./controls/ScenarioControls";
import { ShortcutsHelp } from "./help/ShortcutsHelp";
import { StoryStrip } from "./help/StoryStrip";
import { ModelNotice } from "./ModelNotice";
import { PanelBoundary } from "./PanelBoundary";
import { AnomaliesPanel } from "./panels/AnomaliesPanel";
import { BreakItPanel } from "./panels/BreakItPanel";
import { CappedNotice } from "./panels/CappedNotice";
import { ComputingNotice } from "./panels/ComputingNotice";
import { EventList } from "./panels/EventList";
import { LogPanel } from "./panels/LogPanel";
import { RunSummary } from "./panels/RunSummary";
import { StoresPanel } from "./panels/StoresPanel";
import { ShareControls } from "./ShareControls";
import { TimelinePane } from "./TimelinePane";
import { Tour } from "./tour/Tour";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";
import { WorkshopButton } from "./workshop/WorkshopButton";

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
        <ShareControls />
        <PanelBoundary name="The tour">
          <Tour />
        </PanelBoundary>
        <AboutModel />
        <ShortcutsHelp />
        <PanelBoundary name="The workshop">
          <WorkshopButton />
        </PanelBoundary>
      </header>
      <PanelBoundary name="The story">
        <StoryStrip />
      </PanelBoundary>
      <section className="toolbar" aria-label="Controls">
        <PanelBoundary name="The playback controls">
          <PlaybackControls />
        </PanelBoundary>
        <PanelBoundary name="The scenario controls">
          <ScenarioControls />
        </PanelBoundary>
      </section>
      <ModelNotice />
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
