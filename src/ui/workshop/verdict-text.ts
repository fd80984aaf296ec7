import type { ShownVerdict } from "./exercise-session";

/** How a verdict opens, by where it came from: the visitor's own Check, or a link the page opened. */
export function verdictPrefix(v: ShownVerdict): string {
  if (v.source === "link")
    return v.ok ? "Verified solution: " : "Opened from a link, not solved yet: ";
  if (!v.ok) return "Not yet: ";
  return v.notCounted ? "Verified, not counted: " : "Pass: ";
}

/** A link as the page's own URL plus hash, so it can be copied and shared whole. */
export function absolute(hash: string): string {
  return typeof window === "undefined"
    ? hash
    : `${window.location.origin}${window.location.pathname}${hash}`;
}
