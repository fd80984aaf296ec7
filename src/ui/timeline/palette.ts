import { useSyncExternalStore } from "react";
import { TYPE_NAMES } from "./geometry";
import { COLORS } from "./layout";
import { markStyle } from "./marks";

/**
 * The canvas's colours. SVG marks follow the theme through CSS; a canvas
 * cannot, so the theme-dependent colours are CSS custom properties on `.tl`
 * (timeline.css), read once per theme change, not per frame.
 */
export interface Palette {
  arrow: string;
  dup: string;
  drop: string;
  /** Per event type code: the mark's colour. */
  marks: string[];
  /** The same, packed as little-endian RGBA for density pixels, in the past and (faint) in the future. */
  packedPast: Uint32Array;
  packedFuture: Uint32Array;
}

/** Colours that are too dark (or too light) for one of the themes, by their CSS variable. */
const THEMED: Record<string, string> = {
  [COLORS.arrow]: "--tl-arrow",
  [COLORS.client]: "--tl-client",
  [COLORS.crash]: "--tl-crash",
};

/**
 * The colour for an SVG `style` (not an attribute: presentation attributes
 * cannot hold var()); themed colours follow the theme's CSS variable.
 */
export function cssColor(color: string): string {
  const name = THEMED[color];
  return name ? `var(${name}, ${color})` : color;
}

/** #rrggbb → RGBA packed for a little-endian Uint32 view of ImageData. */
export function pack(hex: string, alpha: number): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return ((alpha << 24) | ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff)) >>> 0;
}

export function readPalette(el: Element | null): Palette {
  const style = el && typeof getComputedStyle === "function" ? getComputedStyle(el) : null;
  const themed = (color: string) => {
    const name = THEMED[color];
    const value = name && style ? style.getPropertyValue(name).trim() : "";
    // Only #rrggbb: the density pixels are packed from it.
    return /^#[0-9a-f]{6}$/i.test(value) ? value : color;
  };
  const marks = TYPE_NAMES.map((t) => themed(markStyle(t).color));
  return {
    arrow: themed(COLORS.arrow),
    dup: COLORS.dup,
    drop: COLORS.drop,
    marks,
    packedPast: Uint32Array.from(marks, (c) => pack(c, 235)),
    packedFuture: Uint32Array.from(marks, (c) => pack(c, 40)),
  };
}

const DARK = "(prefers-color-scheme: dark)";

function subscribe(onChange: () => void): () => void {
  if (typeof matchMedia !== "function") return () => undefined;
  const q = matchMedia(DARK);
  q.addEventListener("change", onChange);
  return () => q.removeEventListener("change", onChange);
}

/** True while the system is in dark mode; re-renders on a change. */
export function useDarkTheme(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => typeof matchMedia === "function" && matchMedia(DARK).matches,
    () => false,
  );
}
