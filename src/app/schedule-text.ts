/** The schedule list's lines; the words for every kind of entry live in `url/schedule-text.ts`. */
export { describeEntry } from "../url/schedule-text";
