import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { startLinkSync } from "./app/link-sync";
import { registerOffline } from "./app/offline";
import { tourLink } from "./tour/tour-store";
import { App } from "./ui/App";
import { PanelBoundary } from "./ui/PanelBoundary";
import "./ui/bench-mode";
import "./index.css";

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");
// Before the first render, so a shared link's run is the first thing painted.
startLinkSync(window, { tour: tourLink });
registerOffline();
createRoot(root).render(
  <StrictMode>
    <PanelBoundary name="Inside Out">
      <App />
    </PanelBoundary>
  </StrictMode>,
);
