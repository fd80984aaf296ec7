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

/** Canvas path for a shape centred at (x, y) with radius r; strokes or fills per shape. */
export function drawShape(
  ctx: CanvasRenderingContext2D,
  shape: Shape,
  x: number,
  y: number,
  r: number,
) {
  ctx.beginPath();
  switch (shape) {
    case "circle":
      ctx.arc(x, y, r, 0, Math.PI * 2);
      ctx.fill();
      return;
    case "ring":
      ctx.arc(x, y, r, 0, Math.PI * 2);
      ctx.stroke();
      return;
    case "square":
      ctx.fillRect(x - r, y - r, 2 * r, 2 * r);
      return;
    case "box":
      ctx.strokeRect(x - r, y - r, 2 * r, 2 * r);
      return;
    case "tick":
    case "bar":
      ctx.moveTo(x, y - r * (shape === "tick" ? 2 : 1.4));
      ctx.lineTo(x, y + r * (shape === "tick" ? 2 : 1.4));
      ctx.stroke();
      return;
    case "triangle":
      ctx.moveTo(x, y - r);
      ctx.lineTo(x + r, y + r);
      ctx.lineTo(x - r, y + r);
      ctx.closePath();
      ctx.fill();
      return;
    case "diamond":
      ctx.moveTo(x, y - r);
      ctx.lineTo(x + r, y);
      ctx.lineTo(x, y + r);
      ctx.lineTo(x - r, y);
      ctx.closePath();
      ctx.stroke();
      return;
    case "cross":
      ctx.moveTo(x - r, y - r);
      ctx.lineTo(x + r, y + r);
      ctx.moveTo(x + r, y - r);
      ctx.lineTo(x - r, y + r);
      ctx.stroke();
      return;
  }
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
