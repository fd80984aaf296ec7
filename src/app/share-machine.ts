/**
 * Sharing as a small state machine: copy the link, confirm for a few seconds,
 * or — when the clipboard is missing (an http page, an old browser) or
 * refused (no permission) — fall back to showing the link selected in a
 * read-only field for the person to copy by hand.
 */
import { assign, fromPromise, setup } from "xstate";

/** Long enough to read "Link copied", short enough not to linger over the next action. */
export const COPIED_MS = 3000;

export type ShareEvent = { type: "SHARE"; link: string } | { type: "DISMISS" };

/** Resolves once the text is on the clipboard; rejects when it cannot be put there. */
export async function writeClipboard(text: string): Promise<void> {
  const clipboard = globalThis.navigator?.clipboard;
  if (clipboard === undefined || typeof clipboard.writeText !== "function") {
    throw new Error("The clipboard is not available here.");
  }
  await clipboard.writeText(text);
}

export const shareMachine = setup({
  types: { context: {} as { link: string }, events: {} as ShareEvent },
  actors: {
    copy: fromPromise<void, { link: string }>(({ input }) => writeClipboard(input.link)),
  },
  delays: { copied: COPIED_MS },
}).createMachine({
  id: "share",
  context: { link: "" },
  initial: "idle",
  on: {
    SHARE: { target: ".copying", actions: assign({ link: ({ event }) => event.link }) },
  },
  states: {
    idle: {},
    copying: {
      invoke: {
        src: "copy",
        input: ({ context }) => ({ link: context.link }),
        onDone: "copied",
        onError: "manual",
      },
    },
    copied: { after: { copied: "idle" } },
    /** Stays until dismissed or shared again: the person may need a while to copy. */
    manual: { on: { DISMISS: "idle" } },
  },
});
