import type { EventType } from "../../sim/types";
import { COLORS } from "./layout";

/** How a non-message event looks. Shape carries meaning as well as colour. */
export type Shape =
  | "circle"
  | "ring"
  | "square"
  | "box"
  | "tick"
  | "triangle"
  | "diamond"
  | "cross"
  | "bar";

export interface MarkStyle {
  shape: Shape;
  color: string;
  /** Legend wording. */
  label: string;
}

const STYLE: Partial<Record<EventType, MarkStyle>> = {
  invoke: { shape: "ring", color: COLORS.client, label: "client invokes" },
  ack: { shape: "circle", color: COLORS.client, label: "acked" },
  fail: { shape: "cross", color: COLORS.drop, label: "failed" },
  timeout: { shape: "diamond", color: COLORS.partition, label: "timeout" },
  retry: { shape: "diamond", color: COLORS.partition, label: "retry" },
  apply: { shape: "circle", color: COLORS.apply, label: "store applies" },
  reject: { shape: "box", color: COLORS.apply, label: "store rejects" },
  read: { shape: "diamond", color: COLORS.apply, label: "read" },
  append: { shape: "square", color: COLORS.append, label: "log append" },
  replicate: { shape: "box", color: COLORS.append, label: "replicate" },
  "hw-advance": { shape: "tick", color: COLORS.hw, label: "high watermark" },
  "isr-change": { shape: "bar", color: COLORS.hw, label: "ISR change" },
  elect: { shape: "triangle", color: COLORS.hw, label: "leader elected" },
  truncate: { shape: "cross", color: COLORS.hw, label: "log truncated" },
  poll: { shape: "bar", color: COLORS.arrow, label: "poll" },
  "commit-offset": { shape: "tick", color: COLORS.arrow, label: "commit offset" },
  crash: { shape: "cross", color: COLORS.crash, label: "crash" },
  restart: { shape: "triangle", color: COLORS.crash, label: "restart" },
  "add-store": { shape: "square", color: COLORS.apply, label: "store added" },
};

const FALLBACK: MarkStyle = { shape: "bar", color: COLORS.arrow, label: "event" };

export function markStyle(type: EventType): MarkStyle {
  return STYLE[type] ?? FALLBACK;
}

/** Text drawn next to a mark when there is room; only the marks the story needs. */
export function markLabel(e: {
  type: EventType;
  key?: string;
  value?: string | number;
  offset?: number;
}): string | null {
  if (e.type === "apply" && e.key !== undefined) return `${e.key}=${e.value ?? ""}`;
  if (e.type === "append" && e.offset !== undefined) return `@${e.offset}`;
  if (e.type === "hw-advance" && e.offset !== undefined) return `HW ${e.offset}`;
  if (e.type === "elect") return "leader";
  if (e.type === "truncate" && e.offset !== undefined) return `trunc ${e.offset}`;
  return null;
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
  switch (shape) {
    case "circle":
    case "ring":
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
      return;
    case "square":
    case "box":
      ctx.rect(x - r, y - r, 2 * r, 2 * r);
      return;
    case "tick":
    case "bar": {
      const h = r * (shape === "tick" ? 2 : 1.4);
      ctx.moveTo(x, y - h);
      ctx.lineTo(x, y + h);
      return;
    }
    case "triangle":
      ctx.moveTo(x, y - r);
      ctx.lineTo(x + r, y + r);
      ctx.lineTo(x - r, y + r);
      ctx.closePath();
      return;
    case "diamond":
      ctx.moveTo(x, y - r);
      ctx.lineTo(x + r, y);
      ctx.lineTo(x, y + r);
      ctx.lineTo(x - r, y);
      ctx.closePath();
      return;
    case "cross":
      ctx.moveTo(x - r, y - r);
      ctx.lineTo(x + r, y + r);
      ctx.moveTo(x + r, y - r);
      ctx.lineTo(x - r, y + r);
      return;
  }
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

/** SVG path data for the same shapes (small runs and export draw in SVG). */
export function shapePath(shape: Shape, x: number, y: number, r: number): string {
  switch (shape) {
    case "circle":
    case "ring":
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
    case "square":
    case "box":
      return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case "tick":
      return `M${x},${y - 2 * r}V${y + 2 * r}`;
    case "bar":
      return `M${x},${y - 1.4 * r}V${y + 1.4 * r}`;
    case "triangle":
      return `M${x},${y - r}L${x + r},${y + r}L${x - r},${y + r}Z`;
    case "diamond":
      return `M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z`;
    case "cross":
      return `M${x - r},${y - r}L${x + r},${y + r}M${x + r},${y - r}L${x - r},${y + r}`;
  }
}

export function isFilled(shape: Shape): boolean {
  return shape === "circle" || shape === "square" || shape === "triangle";
}
