import { describe, expect, it } from "vitest";
import { clampShift, keepOnScreen } from "./keep-on-screen";

describe("clampShift", () => {
  it("leaves a box that fits where it is", () => {
    expect(clampShift(100, 300, 0, 1440)).toBe(0);
  });

  it("moves a box that runs past the right edge back inside, with a margin", () => {
    // The tooltip: 1668 px in a 1440 px window.
    expect(clampShift(1400, 1668, 0, 1440)).toBe(1440 - 8 - 1668);
  });

  it("moves a box past the left edge right", () => {
    expect(clampShift(-20, 100, 0, 390)).toBe(28);
  });

  it("starts a box wider than the room at the left edge", () => {
    expect(clampShift(200, 800, 0, 390)).toBe(8 - 200);
  });
});

describe("keepOnScreen", () => {
  it("shifts the element's left by the overflow", () => {
    const el = document.createElement("div");
    el.style.left = "500px";
    el.getBoundingClientRect = () => ({ left: 900, right: 1100, width: 200 }) as DOMRect;
    Object.defineProperty(document.documentElement, "clientWidth", {
      configurable: true,
      value: 1000,
    });
    keepOnScreen(el);
    expect(el.style.left).toBe("392px");
    keepOnScreen(null);
  });
});
