import { describe, expect, it } from "vitest";
import { preloadSimulator } from "../../vite.config.ts";
import { firstVisitScripts } from "./bundle-size";

describe("firstVisitScripts", () => {
  it("finds the entry module and its preloaded chunks, not lazy ones", () => {
    const html = `<script type="module" crossorigin src="./assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/vendor-b.js">
      <link rel="stylesheet" href="./assets/index-c.css">`;
    expect(firstVisitScripts(html)).toEqual(["./assets/index-a.js", "./assets/vendor-b.js"]);
  });
});

describe("preloadSimulator", () => {
  const chunk = (
    fileName: string,
    facadeModuleId: string | null,
    imports: string[],
    css: string[] = [],
  ) => ({
    type: "chunk" as const,
    fileName,
    facadeModuleId,
    imports,
    viteMetadata: { importedCss: new Set(css), importedAssets: new Set<string>() },
  });

  it("preloads the simulator the entry imports dynamically, with its imports and styles, so the bundle size counts them", () => {
    const bundle = {
      e: chunk("assets/index-e.js", "/p/src/main.tsx", ["assets/react-r.js"]),
      r: chunk("assets/react-r.js", null, []),
      a: chunk(
        "assets/App-a.js",
        "/p/src/ui/App.tsx",
        ["assets/react-r.js", "assets/sim-s.js"],
        ["assets/App-a.css"],
      ),
      s: chunk("assets/sim-s.js", null, []),
      t: chunk("assets/Tour-t.js", "/p/src/ui/tour/Tour.tsx", ["assets/sim-s.js"]),
      sp: chunk("assets/SpeakerView-v.js", "/p/src/ui/speaker/SpeakerView.tsx", []),
    };
    const html = `<head>
    <script type="module" crossorigin src="./assets/index-e.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/react-r.js">
  </head>`;
    const hook = preloadSimulator().transformIndexHtml as {
      handler: (html: string, ctx: { bundle: unknown }) => string;
    };
    const out = hook.handler(html, { bundle });
    expect(firstVisitScripts(out)).toEqual([
      "./assets/index-e.js",
      "./assets/react-r.js",
      "./assets/App-a.js",
      "./assets/sim-s.js",
    ]);
    expect(out).toContain(`<link rel="stylesheet" crossorigin href="./assets/App-a.css">`);
    expect(out).not.toContain("Tour-t.js");
    expect(out).not.toContain("SpeakerView");
  });
});
