/**
 * Schedule entries as English. The words live with the rest of each kind's
 * handling in `sim/schedule.ts`, so a new kind of entry is one module to fill
 * in; this re-export keeps the link layer's importers where they are.
 */
export { describeEntry, entryPhrase } from "../sim/schedule";
