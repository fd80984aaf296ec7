import { create } from "zustand";

/** The presenter's kit: the QR overlay, and a speaker window the browser would not open. */
export interface KitState {
  qrOpen: boolean;
  /** The speaker view's address when the browser blocked the pop-up (the page shows it to open by hand). */
  blockedSpeakerUrl: string | null;
}

export const useKitStore = create<KitState>()(() => ({ qrOpen: false, blockedSpeakerUrl: null }));

export const kitActions = {
  openQr: () => useKitStore.setState({ qrOpen: true }),
  closeQr: () => useKitStore.setState({ qrOpen: false }),
  toggleQr: () => useKitStore.setState((s) => ({ qrOpen: !s.qrOpen })),
  dismissBlocked: () => useKitStore.setState({ blockedSpeakerUrl: null }),
};
