/**
 * The Facilitator view's state: the pasted proofs, the checks done so far,
 * and which view (facilitator, handout) is open. The view is reached from the
 * Workshop dialog or by a link: `#facilitator`, a learner's `#proof=…`, or
 * `#handout` for the printable handout.
 */
import { create } from "zustand";
import { checkProofLine, type ProofCheck, proofLines } from "./facilitator-check";

export type RoomView = "facilitator" | "handout" | null;

interface FacilitatorState {
  view: RoomView;
  text: string;
  checks: ProofCheck[];
  /** Lines checked and to check while a check runs; null when idle. */
  progress: { done: number; total: number } | null;
}

export const useFacilitatorStore = create<FacilitatorState>()(() => ({
  view: null,
  text: "",
  checks: [],
  progress: null,
}));

/** A newer check (or a reset) makes an older one stop writing. */
let generation = 0;

/** The view a hash asks for, with a proof to paste when it carries one. */
export function roomViewOf(hash: string): { view: RoomView; proof?: string } {
  const h = hash.replace(/^#/, "");
  if (h === "facilitator") return { view: "facilitator" };
  if (h === "handout") return { view: "handout" };
  const m = /^proof=([^&]+)$/.exec(h);
  if (m !== null) return { view: "facilitator", proof: `#proof=${m[1]}` };
  return { view: null };
}

export const facilitator = {
  open(view: RoomView): void {
    useFacilitatorStore.setState({ view });
  },
  setText(text: string): void {
    useFacilitatorStore.setState({ text });
  },
  /** Adds a proof to the pasted text (a proof link opened in this browser) and checks all. */
  addProof(proof: string): Promise<void> {
    const { text } = useFacilitatorStore.getState();
    if (!text.split(/\r?\n/).some((l) => l.trim() === proof))
      useFacilitatorStore.setState({
        text: text.trim() === "" ? proof : `${text.trim()}\n${proof}`,
      });
    return facilitator.checkAll();
  },
  /** Checks every pasted line again, one after another, through the budgeted run door. */
  async checkAll(): Promise<void> {
    const mine = ++generation;
    const lines = proofLines(useFacilitatorStore.getState().text);
    useFacilitatorStore.setState({ checks: [], progress: { done: 0, total: lines.length } });
    const seen = new Map<string, number>();
    const checks: ProofCheck[] = [];
    for (const { line, text } of lines) {
      const earlier = seen.get(text);
      const check: ProofCheck =
        earlier !== undefined
          ? {
              line,
              name: "",
              ok: false,
              reason: `The same proof as line ${earlier}: counted once.`,
            }
          : await checkProofLine(line, text);
      if (mine !== generation) return;
      seen.set(text, seen.get(text) ?? line);
      checks.push(check);
      useFacilitatorStore.setState({
        checks: [...checks],
        progress: { done: checks.length, total: lines.length },
      });
    }
    useFacilitatorStore.setState({ progress: null });
  },
  clear(): void {
    generation++;
    useFacilitatorStore.setState({ text: "", checks: [], progress: null });
  },
};

/** Tests: closed and empty. */
export function resetFacilitator(): void {
  generation++;
  useFacilitatorStore.setState({ view: null, text: "", checks: [], progress: null });
}
