import { describe, expect, it } from "vitest";
import { defaultScenario } from "../sim/defaults";
import { runScenario } from "./run";
import { warmBeforeShow, warmUp } from "./warm-up";

describe("warming a big run's views before it shows", () => {
  it("does each piece in a task of its own, and resolves in a later one", async () => {
    const run = runScenario(defaultScenario());
    const order: string[] = [];
    const a = () => {
      order.push("a");
      // Anything queued now runs before the next piece: the pieces are separate tasks.
      setTimeout(() => order.push("between"), 0);
    };
    const b = () => order.push("b");
    const offs = [warmBeforeShow(a), warmBeforeShow(b), warmBeforeShow(a)];
    await warmUp(run, () => true);
    for (const off of offs) off();
    // Registered once however often it is added; other work runs between the pieces.
    expect(order).toEqual(["a", "between", "b"]);
  });

  it("stops when the run is no longer wanted, and skips a piece that throws", async () => {
    const run = runScenario(defaultScenario());
    const seen: string[] = [];
    const offs = [
      warmBeforeShow(() => {
        throw new Error("bad input");
      }),
      warmBeforeShow(() => seen.push("after")),
    ];
    await warmUp(run, () => true);
    expect(seen).toEqual(["after"]);
    await warmUp(run, () => false);
    expect(seen).toEqual(["after"]);
    for (const off of offs) off();
    await warmUp(run, () => true);
    expect(seen).toEqual(["after"]);
  });
});
