import { useAppStore } from "../../app/app-store";
import { shareLink } from "../../app/link-sync";
import { stepAt } from "../../tour/chapters";
import { useTourStore } from "../../tour/tour-store";
import { encodeLink } from "../../url/index";

export interface RoomLinks {
  /** The share link of what is on screen, exactly what Share copies. */
  link: string;
  /**
   * `…#tour=5.1`, when it opens the same run: the tour is on a step and the
   * scenario on screen is still that step's (nothing edited live).
   */
  short: string | null;
}

/** The links the QR overlay shows for the current run. */
export function roomLinks(): RoomLinks {
  const link = shareLink();
  const { open, chapter, step } = useTourStore.getState();
  const current = open ? stepAt(chapter, step) : undefined;
  if (current === undefined) return { link, short: null };
  const same = encodeLink(useAppStore.getState().scenario) === encodeLink(current.scenario);
  if (!same) return { link, short: null };
  const base = link.split("#")[0];
  return { link, short: `${base}#tour=${chapter + 1}.${step + 1}` };
}
