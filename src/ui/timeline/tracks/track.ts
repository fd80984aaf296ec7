import type { LaneGroup } from "../../../sim/topology";
import type { EventType } from "../../../sim/types";
import type { MarkStyle } from "../marks";

/** The fields of an event a mark's label reads. */
export interface LabelFields {
  type: EventType;
  key?: string;
  value?: string | number;
  offset?: number;
}

/**
 * One lane group's visuals (Perfetto's track): the marks of the events on its
 * lanes (shape, colour token, legend words) and the text beside them. Both
 * back ends and the legend read these through `tracks/index.ts`, so a new or
 * changed visual on one group's lanes is a change to its track file.
 */
export interface Track {
  group: LaneGroup;
  marks: Partial<Record<EventType, MarkStyle>>;
  /** Text drawn next to one of its marks when there is room (value-labels.ts); null: none. */
  label?: (e: LabelFields) => string | null;
}
