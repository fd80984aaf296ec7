/** Room kept between a floating box and the edge it is clamped to, px. */
const MARGIN = 8;

/**
 * Horizontal shift (px, negative = left) that brings a box `[left, right]`
 * inside `[min, max]` with a margin; a box wider than the room starts at its left edge.
 */
export function clampShift(left: number, right: number, min: number, max: number): number {
  if (right > max - MARGIN) {
    const shift = max - MARGIN - right;
    return left + shift < min + MARGIN ? min + MARGIN - left : shift;
  }
  if (left < min + MARGIN) return min + MARGIN - left;
  return 0;
}

/**
 * A ref callback for an absolutely positioned tooltip: after each render,
 * moves it left (or right) so it stays inside both the window and the
 * scrolling pane that holds it (`.timeline-pane`), which would otherwise clip it.
 * Written inline as `ref={(el) => keepOnScreen(el)}` so it runs on every render.
 */
export function keepOnScreen(el: HTMLElement | null): void {
  if (el === null) return;
  const box = el.getBoundingClientRect();
  if (box.width === 0) return;
  const pane = el.closest(".timeline-pane")?.getBoundingClientRect();
  const min = Math.max(0, pane?.left ?? 0);
  const max = Math.min(
    document.documentElement.clientWidth,
    pane?.right ?? Number.POSITIVE_INFINITY,
  );
  const shift = clampShift(box.left, box.right, min, max);
  if (shift === 0) return;
  const left = Number.parseFloat(el.style.left || "0");
  el.style.left = `${left + shift}px`;
}
