import { render, screen } from "@testing-library/react";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { exportName, timelineSvg } from "./export";
import { tinyReport, tinyTrace } from "./fixtures";
import { Timeline } from "./Timeline";

describe("timeline export", () => {
  it("serialises the view as a standalone SVG with the legend and the anomaly", () => {
    render(
      createElement(Timeline, {
        trace: tinyTrace(),
        report: tinyReport(),
        playhead: 16,
        width: 800,
        label: "dual-write",
      }),
    );
    const text = timelineSvg(screen.getByTestId("timeline"));
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    expect(doc.querySelector("parsererror")?.textContent ?? null).toBeNull();
    const svg = doc.documentElement;
    expect(svg.nodeName).toBe("svg");
    expect(svg.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    expect(svg.textContent).toContain("dual-write");
    expect(svg.textContent).toContain("I · isolation");
    expect(svg.textContent).toContain("dropped");
    for (const lane of ["client-1", "db", "search"]) expect(svg.textContent).toContain(lane);
    // Styles are attributes, never `style` (the app's CSP) nor classes (no stylesheet in the file).
    expect(text).not.toMatch(/\sstyle="/);
    expect(text).not.toMatch(/\sclass="tl-/);
  });

  it("names the file after the run and the playhead", () => {
    expect(exportName("dual-write", 68.4, "svg")).toBe("timeline-dual-write-68ms.svg");
    expect(exportName(undefined, 0, "png")).toBe("timeline-timeline-0ms.png");
  });
});
