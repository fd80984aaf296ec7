/**
 * The model version: which semantics of the simulator a run was made under.
 * A link keeps its scenario's meaning forever; the run it shows changes only
 * when this number does, and docs/model-changes.md lists what changed.
 * Links that carry no model version were made under model 1.
 */
export const MODEL_VERSION = 2;
