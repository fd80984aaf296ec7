import "./panels.css";
import { PlaybackControls } from "./controls/PlaybackControls";
import { ScenarioControls } from "./controls/ScenarioControls";
import { AnomaliesPanel } from "./panels/AnomaliesPanel";
import { BreakItPanel } from "./panels/BreakItPanel";
import { LogPanel } from "./panels/LogPanel";
import { RunSummary } from "./panels/RunSummary";
import { StoresPanel } from "./panels/StoresPanel";
import { TimelinePane } from "./TimelinePane";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";

export function App() {
  useKeyboardShortcuts();
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          Inside Out <span className="tagline">dual writes vs. the log</span>
        </h1>
        <RunSummary />
      </header>
      <section className="toolbar" aria-label="Controls">
        <PlaybackControls />
        <ScenarioControls />
      </section>
      <main className="main">
        <TimelinePane />
        <div className="panels">
          <div className="panel-column">
            <StoresPanel />
            <LogPanel />
          </div>
          <AnomaliesPanel />
          <BreakItPanel />
        </div>
      </main>
    </div>
  );
}
