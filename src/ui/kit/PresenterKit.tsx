import { lazy, Suspense, useEffect } from "react";
import { speakerTour } from "../../tour/speaker-host";
import { SPEAKER_CHANNEL, startSpeakerHost } from "../../tour/speaker-sync";
import { kitActions, useKitStore } from "./kit-store";
import "./kit.css";

const QrOverlay = lazy(() => import("./QrOverlay").then((m) => ({ default: m.QrOverlay })));

/** Answers speaker windows for as long as this (main) window shows the app. */
function useSpeakerHost(): void {
  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const channel = new BroadcastChannel(SPEAKER_CHANNEL);
    const stop = startSpeakerHost(channel, speakerTour);
    let stopped = false;
    const stopOnce = () => {
      if (stopped) return;
      stopped = true;
      stop();
      channel.close();
    };
    // Closing or reloading the page: open speaker windows hear "bye".
    window.addEventListener("pagehide", stopOnce);
    return () => {
      window.removeEventListener("pagehide", stopOnce);
      stopOnce();
    };
  }, []);
}

/** The presenter's kit in the main window: the QR overlay, the speaker view's host, a blocked pop-up's way out. */
export function PresenterKit() {
  const qrOpen = useKitStore((s) => s.qrOpen);
  const blocked = useKitStore((s) => s.blockedSpeakerUrl);
  useSpeakerHost();
  return (
    <>
      {qrOpen && (
        <Suspense fallback={<p className="kit-loading">Loading the QR code…</p>}>
          <QrOverlay />
        </Suspense>
      )}
      {blocked !== null && (
        <p className="kit-blocked" role="alert">
          The browser blocked the speaker window. Allow pop-ups for this page, or open{" "}
          <a href={blocked} target="_blank" rel="noopener">
            the speaker view
          </a>{" "}
          yourself.{" "}
          <button type="button" className="small" onClick={kitActions.dismissBlocked}>
            Dismiss
          </button>
        </p>
      )}
    </>
  );
}
