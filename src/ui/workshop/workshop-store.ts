/**
 * The Workshop panel's state: the sweep form, the running job and its
 * results, and shrink status. The scenario itself stays in the app store;
 * witnesses and shrunk runs are loaded there through `actions.loadScenario`.
 */
import { create } from "zustand";
import { actions } from "../../app/actions";
import { useAppStore } from "../../app/app-store";
import type { AnomalyKind } from "../../check/types";
import type { Strategy } from "../../sim/types";
import type { SweepView } from "../../url/view";
import { PARAM_INFO, parseValues, type SweepParam } from "../../workshop/params";
import { pointScenario, type SweepPoint, type SweepSpec, specProblem } from "../../workshop/sweep";
import { counted, type SweepCount } from "./sweep-count";
import { type SweepJob, type SweepProgress, shrinkInBackground, startSweep } from "./sweep-pool";

export interface SweepForm {
  strategies: Strategy[];
  param: SweepParam;
  values: string;
  seeds: number;
  kind: AnomalyKind;
  /** Whether the chart counts only anomalies that did not heal, or healed ones too. */
  count: SweepCount;
}

export interface SweepResults {
  spec: SweepSpec;
  points: SweepPoint[];
  cancelled: boolean;
  elapsedMs: number;
}

interface WorkshopState {
  open: boolean;
  form: SweepForm;
  formError: string | null;
  progress: SweepProgress | null;
  results: SweepResults | null;
  /** One line about the last shrink or witness. */
  status: string | null;
  shrinkNotes: string[];
  shrinking: boolean;
}

export const DEFAULT_FORM: SweepForm = {
  strategies: ["dual-write", "log"],
  param: "dropRate",
  values: PARAM_INFO.dropRate.example,
  seeds: 100,
  kind: "atomicity",
  count: "confirmed",
};

export const useWorkshopStore = create<WorkshopState>()(() => ({
  open: false,
  form: DEFAULT_FORM,
  formError: null,
  progress: null,
  results: null,
  status: null,
  shrinkNotes: [],
  shrinking: false,
}));

let job: SweepJob | null = null;

export const workshop = {
  setOpen(open: boolean): void {
    useWorkshopStore.setState({ open });
  },
  editForm(patch: Partial<SweepForm>): void {
    const form = { ...useWorkshopStore.getState().form, ...patch };
    // A new parameter brings example values that make sense for it.
    if (patch.param !== undefined && patch.values === undefined)
      form.values = PARAM_INFO[patch.param].example;
    useWorkshopStore.setState({ form, formError: null });
  },
  /** Prefills the form from a shared link's sweep settings. */
  fromView(sweep: SweepView): void {
    useWorkshopStore.setState({
      form: {
        strategies: sweep.strategies,
        param: sweep.param,
        values: sweep.values.join(","),
        seeds: sweep.seeds,
        kind: sweep.kind ?? DEFAULT_FORM.kind,
        count: useWorkshopStore.getState().form.count,
      },
    });
  },
  /** The sweep's settings as link view state (for the shared link). */
  toView(): SweepView | null {
    const { form } = useWorkshopStore.getState();
    const values = parseValues(form.param, form.values);
    if (!Array.isArray(values)) return null;
    return {
      param: form.param,
      values,
      strategies: form.strategies,
      seeds: form.seeds,
      kind: form.kind,
    };
  },
  run(): Promise<void> {
    const { form } = useWorkshopStore.getState();
    const values = parseValues(form.param, form.values);
    if (!Array.isArray(values)) {
      useWorkshopStore.setState({ formError: values.error });
      return Promise.resolve();
    }
    const spec: SweepSpec = {
      scenario: useAppStore.getState().scenario,
      strategies: form.strategies,
      param: form.param,
      values,
      seeds: form.seeds,
    };
    const problem = specProblem(spec);
    if (problem !== null) {
      useWorkshopStore.setState({ formError: problem });
      return Promise.resolve();
    }
    job?.cancel();
    useWorkshopStore.setState({ formError: null, results: null, status: null });
    const current = startSweep(spec, (progress) => useWorkshopStore.setState({ progress }));
    job = current;
    return current.result.then((o) => {
      if (job !== current) return;
      job = null;
      useWorkshopStore.setState({
        progress: null,
        results: { spec, points: o.points, cancelled: o.cancelled, elapsedMs: o.elapsedMs },
      });
    });
  },
  cancel(): void {
    job?.cancel();
  },
  /** Opens the first run of a point that shows the chosen kind. */
  openWitness(pointIndex: number): boolean {
    const { results, form } = useWorkshopStore.getState();
    const point = results?.points[pointIndex];
    const seed = point === undefined ? undefined : counted(point, form.kind, form.count).witness;
    if (results === null || point === undefined || seed === undefined) return false;
    const base = pointScenario(results.spec, pointIndex);
    const healed = form.count === "any" && point.confirmedWitnesses[form.kind] !== seed;
    const name = `witness: ${form.kind}${healed ? " (healed)" : ""}, ${results.spec.param} = ${point.value}, seed ${seed}`;
    actions.loadScenario({ ...base, seed, name }, null);
    openAtAnomaly(form.kind, healed);
    useWorkshopStore.setState({ status: `Opened ${name} (${point.strategy}).`, open: false });
    return true;
  },
  async shrinkCurrent(): Promise<void> {
    const { form } = useWorkshopStore.getState();
    const scenario = useAppStore.getState().scenario;
    useWorkshopStore.setState({
      shrinking: true,
      status: `Shrinking for ${form.kind}…`,
      shrinkNotes: [],
    });
    const r = await shrinkInBackground(scenario, form.kind);
    if (!r.held) {
      useWorkshopStore.setState({
        shrinking: false,
        status: `The current run shows no ${form.kind} anomaly; open a witness first.`,
      });
      return;
    }
    const name = `${scenario.name ?? "scenario"} (shrunk for ${form.kind})`;
    actions.loadScenario({ ...r.scenario, name }, null);
    openAtAnomaly(form.kind);
    useWorkshopStore.setState({
      shrinking: false,
      shrinkNotes: r.removed,
      status: `Shrunk in ${r.runs} runs: ${r.removed.length} thing(s) removed${r.exhausted ? " (run budget reached; it may shrink further)" : ""}. Loaded.`,
    });
  },
};

/**
 * Once the run is on show, selects the first anomaly of `kind` (healed or
 * lasting as asked; either when not said) and moves the playhead to the moment
 * it appears, so a witness opens on its story, not at 0 ms.
 */
function openAtAnomaly(kind: AnomalyKind, healed?: boolean): void {
  actions.whenShown(() => {
    const all = useAppStore.getState().report?.anomalies ?? [];
    const ofKind = all.filter((a) => a.kind === kind);
    const wanted =
      healed === undefined ? ofKind : ofKind.filter((a) => (a.state === "healed") === healed);
    const first = wanted[0] ?? ofKind[0];
    if (first !== undefined) actions.selectAnomaly(first.id);
  });
}
