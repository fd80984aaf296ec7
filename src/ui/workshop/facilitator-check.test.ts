import { describe, expect, it } from "vitest";
import {
  countsPerExercise,
  learnerRows,
  type ProofCheck,
  type SolutionCheck,
} from "./facilitator-check";

const solved = (id: string, number: number): SolutionCheck => ({
  id,
  number,
  ok: true,
  reason: "ok",
});
const rejected = (id: string, number: number): SolutionCheck => ({
  id,
  number,
  ok: false,
  reason: "Nothing has changed yet",
});

describe("the room's rows: one per learner", () => {
  // Ada pastes three times as she goes (once as " ada"); Grace once; two proofs carry no name.
  const checks: ProofCheck[] = [
    { line: 1, name: "Ada", ok: true, solutions: [rejected("lost-ack", 2)] },
    { line: 2, name: "Grace", ok: true, solutions: [solved("lost-ack", 2)] },
    { line: 3, name: "", ok: true, solutions: [solved("lost-ack", 2)] },
    {
      line: 4,
      name: " ada",
      ok: true,
      solutions: [solved("lost-ack", 2), rejected("incr-fix", 6)],
    },
    { line: 5, name: "", ok: false, reason: "not a proof" },
    { line: 6, name: "ADA", ok: true, solutions: [solved("incr-fix", 6)] },
    { line: 7, name: "", ok: true, solutions: [rejected("lost-ack", 2)] },
  ];

  it("merges every proof pasted under one name, case and spacing aside, keeping the latest per exercise", () => {
    const rows = learnerRows(checks);
    expect(rows.map((r) => r.who)).toEqual([
      "Ada",
      "Grace",
      "No name (line 3)",
      "No name (line 7)",
    ]);
    const ada = rows[0];
    expect(ada.lines).toEqual([1, 4, 6]);
    // Rejected on line 1, solved on line 4: solved. Rejected on line 4, solved on line 6: solved.
    expect(ada.latest.get("lost-ack")).toMatchObject({ ok: true, line: 4 });
    expect(ada.latest.get("incr-fix")).toMatchObject({ ok: true, line: 6 });
    expect([ada.solved, ada.rejected]).toEqual([2, 0]);
    expect([rows[1].solved, rows[1].rejected]).toEqual([1, 0]);
    expect([rows[3].solved, rows[3].rejected]).toEqual([0, 1]);
  });

  it("counts learners per exercise, not pasted lines", () => {
    const counts = Object.fromEntries(
      countsPerExercise(checks).map((c) => [c.id, [c.solved, c.rejected]]),
    );
    // lost-ack: Ada (latest solved), Grace, line 3 solved; line 7 rejected.
    expect(counts["lost-ack"]).toEqual([3, 1]);
    expect(counts["incr-fix"]).toEqual([1, 0]);
  });

  it("a later rejected paste replaces an earlier solved one", () => {
    const rows = learnerRows([
      { line: 1, name: "Eve", ok: true, solutions: [solved("lost-ack", 2)] },
      { line: 2, name: "Eve", ok: true, solutions: [rejected("lost-ack", 2)] },
    ]);
    expect(rows).toHaveLength(1);
    expect([rows[0].solved, rows[0].rejected]).toEqual([0, 1]);
  });
});
