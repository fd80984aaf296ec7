import { describe, expect, it } from "vitest";
import { presetScenario } from "../sim/presets";
import type { Scenario } from "../sim/types";
import { decodeLink, encodeLink, restoreScenario } from "../url/index";
import { EXERCISE_IDS } from "../url/workshop-names";
import { CHECK_SEEDS, EXERCISES, type Exercise, exerciseById } from "./exercises";

function exercise(id: string): Exercise {
  const e = exerciseById(id);
  if (e === undefined) throw new Error(`no exercise ${id}`);
  return e;
}

/** The exercise's start with an edit, checked. */
function attempt(id: string, edit: (s: Scenario) => void) {
  const s = exercise(id).start();
  edit(s);
  return exercise(id).verify(s);
}

/** A preset as a learner would load it from the Scenario menu. */
function presetAs(name: string, edit: (s: Scenario) => void = () => {}) {
  const s = presetScenario(name);
  if (s === undefined) throw new Error(`no preset ${name}`);
  edit(s);
  return s;
}

describe("exercises", () => {
  it("are numbered in the order of their ids, which links validate against", () => {
    expect(EXERCISES.map((e) => e.id)).toEqual([...EXERCISE_IDS]);
    expect(EXERCISES.map((e) => e.number)).toEqual(EXERCISES.map((_, i) => i + 1));
    expect(exercise("lost-ack").title).toMatch(/acknowledged/);
  });

  describe.each(EXERCISES.map((e) => [e.id, e] as const))("%s", (_id, e) => {
    it("starts valid and unsolved: an untouched start fails and says what may change", () => {
      expect(restoreScenario(e.start()).ok).toBe(true);
      const v = e.verify(e.start());
      expect(v.ok).toBe(false);
      expect(v.reason).toContain("Nothing has changed yet");
      expect(v.reason).toContain(e.mayChange);
    });

    it("is solved by its reference solution, on every seed it checks", () => {
      expect(restoreScenario(e.solution()).ok).toBe(true);
      const v = e.verify(e.solution());
      expect(v).toMatchObject({ ok: true });
      expect(v.reason).toContain(`seeds 1–${CHECK_SEEDS}`);
    });

    it("is solved by its reference solution after a trip through a share link", () => {
      const back = decodeLink(encodeLink(e.solution()));
      expect(back.ok).toBe(true);
      if (back.ok) expect(e.verify(back.scenario)).toMatchObject({ ok: true });
    });

    it("is not solved by changing only the seed", () => {
      const s = e.start();
      s.seed = 7;
      const v = e.verify(s);
      expect(v.ok).toBe(false);
      expect(v.reason).toContain("Seed: 1 → 7");
      expect(v.reason).toContain("network's luck");
    });

    it("is not solved by its solution on another seed (the seed is not the learner's to pick)", () => {
      const s = e.solution();
      s.seed = 3;
      expect(e.verify(s).reason).toMatch(/You also changed Seed: 1 → 3/);
    });

    it("is not solved by a sweep witness or a renamed copy of its solution", () => {
      const v = e.verify({ ...e.solution(), name: "witness: atomicity, dropRate = 0.2, seed 7" });
      expect(v).toMatchObject({ ok: false });
      expect(v.reason).toMatch(/did not start from this exercise: press Start/);
    });

    it("hands out a fresh starting scenario each time", () => {
      const a = e.start();
      a.schedule.push({ at: 1, kind: "heal" });
      expect(e.start().schedule).not.toContainEqual({ at: 1, kind: "heal" });
    });
  });

  describe("1. Break atomicity with one fault", () => {
    it("passes with one fault reached through the controls (a crash with no restart, a partition)", () => {
      expect(
        attempt("one-fault", (s) => {
          s.schedule = [{ at: 18, kind: "crash", node: "client-1" }];
        }),
      ).toMatchObject({ ok: true, reason: expect.stringMatching(/crash of client-1 at 18 ms/) });
      expect(
        attempt("one-fault", (s) => {
          s.schedule = [{ at: 18, kind: "partition", a: ["client-1"], b: ["cache"] }];
        }).ok,
      ).toBe(true);
    });

    it("refuses Heal network plus Max delay 300 ms with no fault, naming the network change", () => {
      const v = attempt("one-fault", (s) => {
        s.schedule = [{ at: 0, kind: "heal" }];
        s.network.default.delayMsMax = 300;
      });
      expect(v.ok).toBe(false);
      expect(v.reason).toContain("Max delay: 5 → 300");
      expect(v.reason).toMatch(/network must stay reliable/);
    });

    it("refuses a heal alone: it is not a fault", () => {
      const v = attempt("one-fault", (s) => {
        s.schedule = [{ at: 0, kind: "heal" }];
      });
      expect(v).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/A heal is not a fault/),
      });
    });

    it("refuses two faults and a lossy network", () => {
      expect(
        attempt("one-fault", (s) => {
          s.schedule = [
            { at: 18, kind: "crash", node: "client-1" },
            { at: 300, kind: "crash", node: "db" },
          ];
        }).reason,
      ).toMatch(/exactly one fault: the schedule has 2 new entries/);
      expect(
        attempt("one-fault", (s) => {
          s.schedule = [{ at: 18, kind: "crash", node: "client-1" }];
          s.network.default.dropRate = 0.1;
        }).reason,
      ).toContain("Drop rate: 0 → 0.1");
    });

    it("refuses a fault that leaves every write complete, saying where to strike", () => {
      const v = attempt("one-fault", (s) => {
        s.schedule = [{ at: 15, kind: "partition", a: ["client-1"], b: ["cache"], until: 100 }];
      });
      expect(v).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/left every write complete. Strike between/),
      });
    });

    it("refuses the crash-between-writes preset: it already holds the answer", () => {
      const v = exercise("one-fault").verify(presetAs("crash-between-writes"));
      expect(v.reason).toMatch(/“crash-between-writes” preset from the Scenario menu/);
    });
  });

  describe("2. Lose an acknowledged write", () => {
    it("passes with acks=1 or acks=0 alone", () => {
      for (const acks of [0, 1] as const)
        expect(
          attempt("lost-ack", (s) => {
            s.log.acks = acks;
          }),
        ).toMatchObject({
          ok: true,
          reason: expect.stringMatching(/told ok and the write vanished/),
        });
    });

    it("refuses acks=1 plus other stores, clients and seed, naming each", () => {
      const v = attempt("lost-ack", (s) => {
        s.log.acks = 1;
        s.stores = ["db", "cache"];
        s.clients = 2;
        s.seed = 9;
      });
      expect(v.ok).toBe(false);
      expect(v.reason).toContain("Stores: db, cache, search → db, cache");
      expect(v.reason).toContain("Clients: 1 → 2");
      expect(v.reason).toContain("Seed: 1 → 9");
    });

    it("refuses the plain presets, even the acks=1 one that shows the loss", () => {
      const one = exercise("lost-ack").verify(presetAs("acks1-leader-failover"));
      expect(one).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/“acks1-leader-failover” preset/),
      });
      const all = exercise("lost-ack").verify(
        presetAs("acks-all-leader-failover", (s) => {
          s.log.acks = 1;
        }),
      );
      expect(all.reason).toMatch(/“acks-all-leader-failover” preset/);
    });

    it("refuses settings that do not cause the loss here, explaining acks=all", () => {
      for (const edit of [
        (s: Scenario) => {
          s.log.uncleanLeaderElection = true;
        },
        (s: Scenario) => {
          s.log.minInsyncReplicas = 1;
        },
        (s: Scenario) => {
          s.log.minInsyncReplicas = 1;
          s.log.uncleanLeaderElection = true;
        },
      ]) {
        const v = attempt("lost-ack", edit);
        expect(v).toMatchObject({
          ok: false,
          reason: expect.stringMatching(/^With acks=all the leader acknowledges only once/),
        });
      }
    });

    it("passes acks=1 with unclean election on, and says the extra setting played no part", () => {
      const v = attempt("lost-ack", (s) => {
        s.log.acks = 1;
        s.log.uncleanLeaderElection = true;
      });
      expect(v).toMatchObject({
        ok: true,
        reason: expect.stringMatching(/Unclean leader election played no part/),
      });
    });

    it("refuses other log settings (no control changes them)", () => {
      const v = attempt("lost-ack", (s) => {
        s.log.acks = 1;
        s.log.replicaLagMs = 50;
      });
      expect(v.reason).toContain("replica.lag.time.max.ms: 300 → 50");
    });
  });

  describe("3. Make the cache serve a stale read", () => {
    it("passes with cdc or write-behind, on every seed it checks", () => {
      expect(
        attempt("stale-read", (s) => {
          s.strategy = "cdc";
        }).ok,
      ).toBe(true);
      expect(
        attempt("stale-read", (s) => {
          s.dualWrite.ackAfter = "first";
        }).ok,
      ).toBe(true);
    });

    it("refuses ways of writing whose ack waits for the cache, saying why", () => {
      expect(
        attempt("stale-read", (s) => {
          s.dualWrite.order = "parallel";
        }).reason,
      ).toMatch(/told “done” only after every store/);
      expect(
        attempt("stale-read", (s) => {
          s.strategy = "single-db";
        }).reason,
      ).toMatch(/inside the db's own transaction/);
      expect(
        attempt("stale-read", (s) => {
          s.strategy = "log";
        }).reason,
      ).toMatch(/Under the log the client's ack waits/);
    });

    it("refuses a slower network", () => {
      const v = attempt("stale-read", (s) => {
        s.strategy = "cdc";
        s.network.default.delayMsMax = 100;
      });
      expect(v.reason).toContain("Max delay: 20 → 100");
    });
  });

  describe("4. Rebuild the search index from history", () => {
    it("passes under log and cdc, by replaying the writes made before search joined", () => {
      expect(
        attempt("rebuild", (s) => {
          s.strategy = "log";
        }).reason,
      ).toMatch(/replayed the 6 writes made before it/);
      expect(
        attempt("rebuild", (s) => {
          s.strategy = "cdc";
        }).ok,
      ).toBe(true);
    });

    it("refuses single-db, dropping the late join, and the log-replay preset", () => {
      expect(
        attempt("rebuild", (s) => {
          s.strategy = "single-db";
        }).reason,
      ).toMatch(/single-db keeps search inside the db/);
      expect(
        attempt("rebuild", (s) => {
          s.strategy = "log";
          s.schedule = [];
        }).reason,
      ).toMatch(/Schedule: removed search joins at 500 ms|removed search joining at 500 ms/);
      expect(exercise("rebuild").verify(presetAs("log-replay")).reason).toMatch(
        /“log-replay” preset/,
      );
    });
  });

  describe("5. Make increments count twice", () => {
    it("refuses the next exercise's start, untouched: it is not the learner's own crash", () => {
      const v = exercise("incr-double").verify(exercise("incr-fix").start());
      expect(v).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/start of exercise 6 \(“Fix the double count/),
      });
      expect(exercise("incr-double").verify(presetAs("consumer-crash-incr")).reason).toMatch(
        /“consumer-crash-incr” preset/,
      );
    });

    it("counts only a consumer's crash: a broker's or a client's crash is another lesson", () => {
      const broker = attempt("incr-double", (s) => {
        s.schedule = [{ at: 16, kind: "crash", node: "broker-1", restartAt: 200 }];
      });
      expect(broker).toMatchObject({
        ok: false,
        reason: expect.stringMatching(
          /broker-1 is not a consumer. Crashing a broker makes the producer retry/,
        ),
      });
      const client = attempt("incr-double", (s) => {
        s.schedule = [{ at: 50, kind: "crash", node: "client-1" }];
      });
      expect(client.reason).toMatch(/client-1 is not a consumer/);
      const cut = attempt("incr-double", (s) => {
        s.schedule = [{ at: 50, kind: "partition", a: ["consumer-cache"], b: ["broker-1"] }];
      });
      expect(cut.reason).toMatch(/is not one: the network stays reliable/);
    });

    it("passes with a crash after an apply and before its commit, then a restart (the controls' way)", () => {
      const v = attempt("incr-double", (s) => {
        s.schedule = [
          { at: 33, kind: "crash", node: "consumer-cache" },
          { at: 100, kind: "restart", node: "consumer-cache" },
        ];
      });
      expect(v).toMatchObject({ ok: true, reason: expect.stringMatching(/log holds each once/) });
    });

    it("refuses a crash that misses the window, or one never restarted", () => {
      expect(
        attempt("incr-double", (s) => {
          s.schedule = [
            { at: 40, kind: "crash", node: "consumer-cache" },
            { at: 100, kind: "restart", node: "consumer-cache" },
          ];
        }).reason,
      ).toMatch(/^Every increment was applied once. Crash the consumer after it applies/);
      expect(
        attempt("incr-double", (s) => {
          s.schedule = [{ at: 33, kind: "crash", node: "consumer-cache" }];
        }).reason,
      ).toMatch(/never comes back after its crash/);
    });
  });

  describe("6. Fix the double count with a commit policy", () => {
    it("refuses moving Min delay with commit still after-apply, though the duplicate is gone", () => {
      const v = attempt("incr-fix", (s) => {
        s.network.default.delayMsMin = 8;
        s.network.default.delayMsMax = 8;
      });
      expect(v.ok).toBe(false);
      expect(v.reason).toContain("Min delay: 5 → 8");
      expect(v.reason).toMatch(/only dodges this crash/);
    });

    it("refuses dedupe: a real fix, but not the commit policy's", () => {
      const v = attempt("incr-fix", (s) => {
        s.dedupe = true;
      });
      expect(v.reason).toContain("Deduplicate retries: off → on");
      expect(v.reason).toMatch(/what the commit policy alone does/);
    });

    it("refuses before-apply (loses increments) and dropping the crashes", () => {
      expect(
        attempt("incr-fix", (s) => {
          s.log.commit = "before-apply";
        }).reason,
      ).toMatch(/the cache lost increments .*\(at most once\)/);
      expect(
        attempt("incr-fix", (s) => {
          s.log.commit = "atomic";
          s.schedule = [];
        }).reason,
      ).toMatch(/Schedule: removed crash of consumer-cache at 1 ms/);
    });
  });

  describe("7. Let CDC settle the Kleppmann race", () => {
    it("refuses the log, single-db, versioned writes and a fast link, each with its reason", () => {
      expect(
        attempt("cdc-race", (s) => {
          s.strategy = "log";
        }).reason,
      ).toMatch(/The log settles it too/);
      expect(
        attempt("cdc-race", (s) => {
          s.strategy = "single-db";
        }).reason,
      ).toMatch(/no separate search/);
      expect(
        attempt("cdc-race", (s) => {
          s.versionedWrites = true;
        }).reason,
      ).toMatch(/Versioned writes settle it too/);
      const fast = attempt("cdc-race", (s) => {
        s.strategy = "cdc";
        s.network.links = {};
      });
      expect(fast.reason).toContain("Min delay of client-1->search: 40 → (not set)");
      expect(fast.reason).toMatch(/Keep the slow link/);
    });

    it("refuses the kleppmann-race preset switched to cdc", () => {
      const v = exercise("cdc-race").verify(
        presetAs("kleppmann-race", (s) => {
          s.strategy = "cdc";
        }),
      );
      expect(v.reason).toMatch(/“kleppmann-race” preset/);
    });
  });
});
