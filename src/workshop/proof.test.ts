import { deflateSync } from "fflate";
import { describe, expect, it } from "vitest";
import { encodeBase64Url } from "../url/base64url";
import { EXERCISES, exerciseById } from "./exercises";
import { applyPatch, decodeProof, encodeProof, patchOf, proofCodeIn } from "./proof";

const rawProof = (body: unknown): string =>
  `1.${encodeBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(body))))}`;

describe("proofs of solving", () => {
  it("carry every exercise's solution back exactly, in a few hundred characters", () => {
    const solved = Object.fromEntries(EXERCISES.map((e) => [e.id, e.solution()]));
    const code = encodeProof("  Ada L.  ", solved);
    expect(code.length).toBeLessThan(600);
    const r = decodeProof(code);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.proof.name).toBe("Ada L.");
    expect(r.proof.solutions.map((s) => s.id)).toEqual(EXERCISES.map((e) => e.id));
    for (const s of r.proof.solutions) {
      if (!("scenario" in s)) throw new Error(`${s.id}: ${s.error}`);
      const e = exerciseById(s.id);
      expect(s.scenario).toEqual(e?.solution());
      expect(e?.verify(s.scenario).ok, s.id).toBe(true);
    }
  });

  it("carry a wrong answer as it is, so the check that follows rejects it", () => {
    const e = exerciseById("lost-ack");
    if (e === undefined) throw new Error("no lost-ack");
    // Claims lost-ack with the untouched start (acks=all): nothing says "solved".
    const r = decodeProof(encodeProof("Mallory", { "lost-ack": e.start() }));
    if (!r.ok || !("scenario" in r.proof.solutions[0])) throw new Error("not decoded");
    const v = e.verify(r.proof.solutions[0].scenario);
    expect(v.ok).toBe(false);
    expect(v.reason).toMatch(/Nothing has changed/);
  });

  it("are found in a link, a `proof=` parameter or a bare code, and nowhere else", () => {
    const code = encodeProof("", { "lost-ack": exerciseById("lost-ack")?.solution() });
    expect(proofCodeIn(`https://x.test/#proof=${code}`)).toBe(code);
    expect(proofCodeIn(`Ada: http://h/app/#proof=${code} thanks`)).toBe(code);
    expect(proofCodeIn(`  ${code} `)).toBe(code);
    expect(proofCodeIn("hello there")).toBeNull();
    expect(proofCodeIn("#s=1.abc")).toBeNull();
  });

  it("refuse damaged, foreign and hostile codes with a reason", () => {
    const good = encodeProof("", { "lost-ack": exerciseById("lost-ack")?.solution() });
    expect(decodeProof(`${good.slice(0, -3)}!!`)).toMatchObject({ ok: false, error: /damaged/ });
    expect(decodeProof(`2.${good.slice(2)}`)).toMatchObject({ ok: false, error: /version 2/ });
    expect(decodeProof(`1.${"A".repeat(9000)}`)).toMatchObject({ ok: false, error: /too long/ });
    expect(decodeProof(rawProof({ n: "x" }))).toMatchObject({ ok: false, error: /no solutions/ });
    const hostile = decodeProof(rawProof({ s: { "lost-ack": { ["__proto__"]: { acks: 1 } } } }));
    expect(hostile.ok && hostile.proof.solutions[0]).toMatchObject({ error: /not allowed/ });
    const invalid = decodeProof(rawProof({ s: { "lost-ack": { log: { acks: 7 } } } }));
    expect(invalid.ok && invalid.proof.solutions[0]).toMatchObject({ error: /not valid/ });
    const unknown = decodeProof(rawProof({ s: { "no-such": {} } }));
    expect(unknown.ok && unknown.proof.solutions[0]).toMatchObject({ error: /no exercise/ });
  });

  it("patch only what changed, and put it back on the start", () => {
    const a = { x: 1, log: { acks: "all", commit: "after-apply" }, schedule: [1], gone: 2 };
    const b = { x: 1, log: { acks: 1, commit: "after-apply" }, schedule: [1, 2] };
    const p = patchOf(a, b);
    expect(p).toEqual({ log: { acks: 1 }, schedule: [1, 2], gone: null });
    expect(applyPatch(a, p)).toEqual(b);
  });
});
