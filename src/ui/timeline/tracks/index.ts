/**
 * The timeline's tracks, one per lane group (sim/topology.ts), and what is
 * drawn on any lane. `markStyle` and `markLabel` read them for both back ends
 * (SvgMarks.tsx, the canvas's mark-batch.ts), the density strip's colours
 * (palette.ts) and the legend (mark-kinds.ts, Legend.tsx); arrows between
 * lanes are the messages track (messages.ts).
 */
import type { EventType } from "../../../sim/types";
import { COLORS } from "../layout";
import type { MarkStyle } from "../marks";
import { clients } from "./clients";
import { consumers } from "./consumers";
import { log } from "./log";
import { stores } from "./stores";
import type { LabelFields, Track } from "./track";

export const TRACKS: readonly Track[] = [clients, stores, log, consumers];

/** Marks any node may have, whatever its group. */
const ANY_LANE: Partial<Record<EventType, MarkStyle>> = {
  crash: {
    shape: "cross",
    color: COLORS.crash,
    label: "crash",
    definition: "A node crashes; the hatched band shows how long it stays down.",
  },
  restart: {
    shape: "play",
    color: COLORS.crash,
    label: "restart",
    definition: "A crashed node comes back.",
  },
};

const FALLBACK: MarkStyle = { shape: "bar", color: COLORS.arrow, label: "event" };

const STYLE = new Map<EventType, MarkStyle>();
const OWNER = new Map<EventType, Track>();
for (const t of TRACKS)
  for (const [type, style] of Object.entries(t.marks) as [EventType, MarkStyle][]) {
    // One look per kind of event: the canvas batches and the density strip colour by type.
    if (STYLE.has(type)) throw new Error(`${type} is styled by two tracks`);
    STYLE.set(type, style);
    OWNER.set(type, t);
  }
for (const [type, style] of Object.entries(ANY_LANE) as [EventType, MarkStyle][])
  STYLE.set(type, style);

export function markStyle(type: EventType): MarkStyle {
  return STYLE.get(type) ?? FALLBACK;
}

/** Text drawn next to a mark when there is room: its track's label, for the marks the story needs. */
export function markLabel(e: LabelFields): string | null {
  return OWNER.get(e.type)?.label?.(e) ?? null;
}
