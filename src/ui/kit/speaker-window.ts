import { useKitStore } from "./kit-store";

/** `?view=speaker`: this window is a speaker view, following another window's tour. */
export const SPEAKER_PARAM = "view=speaker";

export function isSpeakerWindow(search: string = globalThis.location?.search ?? ""): boolean {
  return new URLSearchParams(search).get("view") === "speaker";
}

/** This page's address as a speaker view: same document, no link in the hash (it runs nothing). */
export function speakerUrl(href: string = window.location.href): string {
  const url = new URL(href);
  url.hash = "";
  url.search = `?${SPEAKER_PARAM}`;
  return url.href;
}

let speaker: Window | null = null;

/**
 * Opens the speaker view in a second window, or brings the open one forward
 * (reopening would restart its timer). A blocked pop-up leaves its address
 * on the page to open by hand.
 */
export function openSpeakerWindow(): void {
  if (speaker !== null && !speaker.closed) {
    speaker.focus();
    return;
  }
  const url = speakerUrl();
  speaker = window.open(url, "inside-out-speaker", "popup,width=1024,height=768");
  useKitStore.setState({ blockedSpeakerUrl: speaker === null ? url : null });
}
