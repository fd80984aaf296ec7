/**
 * How a non-message event looks. Shape carries meaning as well as colour, and
 * no two kinds of mark share a shape (the legend lists each once).
 */
export type Shape =
  | "circle"
  | "ring"
  | "check"
  | "box-x"
  | "hourglass"
  | "chevrons"
  | "box-minus"
  | "diamond"
  | "square"
  | "box"
  | "tick"
  | "plus"
  | "triangle"
  | "i-beam"
  | "triangle-down"
  | "flag"
  | "cross"
  | "play"
  | "ring-plus"
  | "ring-slash"
  | "bar";

export interface MarkStyle {
  shape: Shape;
  /** A colour of layout.ts's `COLORS` (palette.ts themes it). */
  color: string;
  /** Legend wording. */
  label: string;
  /** The legend's hover/focus definition: what the mark means, in a sentence (none: not listed). */
  definition?: string;
}

/** The end of a dropped message's arrow. */
export const DROP_SHAPE: Shape = "ring-slash";

// Each lane group's marks and labels live in its track (tracks/), read through these.
export { markLabel, markStyle } from "./tracks";

/** The path calls a shape needs: a canvas context is one, `SvgPath` writes path data. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  /** Only whole circles are drawn, after a moveTo to (x + r, y). */
  arc(x: number, y: number, r: number, start: number, end: number): void;
}

/** SVG path data from the same calls a canvas takes. */
export class SvgPath implements PathSink {
  d = "";
  moveTo(x: number, y: number) {
    this.d += `M${x},${y}`;
  }
  lineTo(x: number, y: number) {
    this.d += `L${x},${y}`;
  }
  closePath() {
    this.d += "Z";
  }
  arc(x: number, y: number, r: number) {
    this.d += `A${r},${r} 0 1,1 ${x - r},${y}A${r},${r} 0 1,1 ${x + r},${y}`;
  }
}

// Module-level helpers, not closures: the canvas calls traceShape once per mark, every frame.
function circle(p: PathSink, x: number, y: number, r: number): void {
  p.moveTo(x + r, y);
  p.arc(x, y, r, 0, Math.PI * 2);
}

function box(p: PathSink, x: number, y: number, r: number): void {
  p.moveTo(x - r, y - r);
  p.lineTo(x + r, y - r);
  p.lineTo(x + r, y + r);
  p.lineTo(x - r, y + r);
  p.closePath();
}

function line(p: PathSink, x1: number, y1: number, x2: number, y2: number): void {
  p.moveTo(x1, y1);
  p.lineTo(x2, y2);
}

/**
 * The one definition of every shape, centred at (x, y) with radius r, as path
 * calls: the canvas batches many marks of one style into a single path
 * (`addShape`), SVG and the legend take the same calls as path data (`shapePath`).
 */
export function traceShape(p: PathSink, shape: Shape, x: number, y: number, r: number): void {
  switch (shape) {
    case "circle":
    case "ring":
      circle(p, x, y, r);
      return;
    case "ring-plus":
      circle(p, x, y, r * 1.15);
      line(p, x - r * 0.7, y, x + r * 0.7, y);
      line(p, x, y - r * 0.7, x, y + r * 0.7);
      return;
    case "ring-slash":
      circle(p, x, y, r * 1.15);
      line(p, x - r * 0.8, y + r * 0.8, x + r * 0.8, y - r * 0.8);
      return;
    case "check":
      p.moveTo(x - r, y);
      p.lineTo(x - r * 0.3, y + r * 0.8);
      p.lineTo(x + r, y - r);
      return;
    case "square":
    case "box":
      box(p, x, y, r);
      return;
    case "box-x":
      box(p, x, y, r);
      line(p, x - r, y - r, x + r, y + r);
      line(p, x + r, y - r, x - r, y + r);
      return;
    case "box-minus":
      box(p, x, y, r);
      line(p, x - r, y, x + r, y);
      return;
    case "hourglass":
      p.moveTo(x - r, y - r);
      p.lineTo(x + r, y - r);
      p.lineTo(x - r, y + r);
      p.lineTo(x + r, y + r);
      p.closePath();
      return;
    case "chevrons":
      p.moveTo(x - r, y - r);
      p.lineTo(x, y);
      p.lineTo(x - r, y + r);
      p.moveTo(x, y - r);
      p.lineTo(x + r, y);
      p.lineTo(x, y + r);
      return;
    case "tick":
      line(p, x, y - 2 * r, x, y + 2 * r);
      return;
    case "bar":
      line(p, x, y - 1.4 * r, x, y + 1.4 * r);
      return;
    case "plus":
      line(p, x - r * 1.2, y, x + r * 1.2, y);
      line(p, x, y - r * 1.2, x, y + r * 1.2);
      return;
    case "i-beam":
      line(p, x - r, y - 1.4 * r, x + r, y - 1.4 * r);
      line(p, x, y - 1.4 * r, x, y + 1.4 * r);
      line(p, x - r, y + 1.4 * r, x + r, y + 1.4 * r);
      return;
    case "flag":
      p.moveTo(x, y + 1.6 * r);
      p.lineTo(x, y - 1.6 * r);
      p.lineTo(x + 1.4 * r, y - 1.1 * r);
      p.lineTo(x, y - 0.6 * r);
      return;
    case "triangle":
      p.moveTo(x, y - r);
      p.lineTo(x + r, y + r);
      p.lineTo(x - r, y + r);
      p.closePath();
      return;
    case "triangle-down":
      p.moveTo(x - r, y - r);
      p.lineTo(x + r, y - r);
      p.lineTo(x, y + r);
      p.closePath();
      return;
    case "play":
      p.moveTo(x - r, y - r);
      p.lineTo(x + r, y);
      p.lineTo(x - r, y + r);
      p.closePath();
      return;
    case "diamond":
      p.moveTo(x, y - r);
      p.lineTo(x + r, y);
      p.lineTo(x, y + r);
      p.lineTo(x - r, y);
      p.closePath();
      return;
    case "cross":
      line(p, x - r, y - r, x + r, y + r);
      line(p, x + r, y - r, x - r, y + r);
      return;
  }
}

/**
 * Adds the shape centred at (x, y) with radius r to the current path, so that
 * many marks of one style go out in a single fill or stroke (`isFilled` says
 * which); a call per mark costs more than the pixels it draws.
 */
export function addShape(
  ctx: CanvasRenderingContext2D,
  shape: Shape,
  x: number,
  y: number,
  r: number,
) {
  traceShape(ctx, shape, x, y, r);
}

/** One shape, filled or stroked in the context's current style. */
export function drawShape(
  ctx: CanvasRenderingContext2D,
  shape: Shape,
  x: number,
  y: number,
  r: number,
) {
  ctx.beginPath();
  addShape(ctx, shape, x, y, r);
  if (isFilled(shape)) ctx.fill();
  else ctx.stroke();
}

/** SVG path data for the same shapes (small runs, export and the legend draw in SVG). */
export function shapePath(shape: Shape, x: number, y: number, r: number): string {
  const p = new SvgPath();
  traceShape(p, shape, x, y, r);
  return p.d;
}

export function isFilled(shape: Shape): boolean {
  return shape === "circle" || shape === "square" || shape === "triangle" || shape === "play";
}
