import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useState } from "react";
import { createPortal } from "react-dom";
import { useAppStore } from "../../app/app-store";
import { ACID_LETTER, type Report } from "../../check/types";
import { eventBySeq, eventsOf } from "../../sim/event-reader";
import type { EventReader, Trace } from "../../sim/types";
import { tourActions, useTourStore } from "../../tour/tour-store";

/** Set once the person has closed the intro; it is not shown again in this browser. */
export const INTRO_SEEN_KEY = "inside-out.intro-seen";

/**
 * Whether this page load may show the first-visit intro. Never in presenter
 * mode or the tour (checked by the component), nor on the bench page. The
 * switch `?intro=off` hides it and `?intro=on` shows it even if seen before.
 * A browser driven by automation (`navigator.webdriver`, as Playwright's)
 * does not get it unless it asks with `?intro=on`: the e2e journeys and the
 * bench driver see the page as it was.
 */
export function introWanted(search: string, seen: boolean, automated: boolean): "show" | "hide" {
  const q = new URLSearchParams(search);
  if (q.has("bench")) return "hide";
  const asked = q.get("intro");
  if (asked === "off") return "hide";
  if (asked === "on") return "show";
  return seen || automated ? "hide" : "show";
}

function readSeen(): boolean {
  try {
    return localStorage.getItem(INTRO_SEEN_KEY) === "1";
  } catch {
    return false;
  }
}

function markSeen(): void {
  try {
    localStorage.setItem(INTRO_SEEN_KEY, "1");
  } catch {
    // Private mode or storage off: it shows again next time, nothing worse.
  }
}

export interface IntroFacts {
  /** Lane groups in timeline order, with their nodes. */
  groups: Array<{ group: string; nodes: string[] }>;
  /** The message that took longest to arrive (`slowest`), or a client's first if all take as long. */
  message: { from: string; to: string; sent: number; arrived: number; slowest: boolean } | null;
  /** The first anomaly the checker found, by detection time. */
  anomaly: { letter: string; kind: string; key: string; at: number; node: string | null } | null;
}

const GROUP_WORDS: Record<string, string> = {
  clients: "the clients, which send the writes",
  stores: "the stores, which apply them",
  log: "the log's brokers",
  consumers: "the consumers, which copy the log into the stores",
};

type Message = NonNullable<IntroFacts["message"]>;

/**
 * The slowest delivered message if one link is slower (the first of the
 * slowest); else, all taking as long, the first a client sends (or the first
 * of all). One walk over the trace's columns that keeps event indexes, not
 * objects: a send's index by message id (a simulated run numbers messages from
 * 1 up), and the three candidates.
 */
function introMessage(events: EventReader, clients: ReadonlySet<string>): Message | null {
  const slots = new Int32Array(events.length + 1).fill(-1);
  const others = new Map<number, number>();
  const inSlots = (msg: number) => Number.isInteger(msg) && msg >= 0 && msg < slots.length;
  // Each candidate: its delivery's index and its send's.
  let first = -1;
  let firstSend = -1;
  let fromClient = -1;
  let fromClientSend = -1;
  let slowest = -1;
  let slowestSend = -1;
  let longest = Number.NEGATIVE_INFINITY;
  let shortest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < events.length; i++) {
    const type = events.type(i);
    if (type !== "send" && type !== "deliver") continue;
    const msg = events.msg(i);
    if (msg === undefined) continue;
    if (type === "send") {
      if (inSlots(msg)) slots[msg] = i;
      else others.set(msg, i);
      continue;
    }
    const s = inSlots(msg) ? slots[msg] : (others.get(msg) ?? -1);
    if (s < 0) continue;
    const took = events.t(i) - events.t(s);
    if (first < 0) {
      first = i;
      firstSend = s;
    }
    if (fromClient < 0 && clients.has(events.node(s))) {
      fromClient = i;
      fromClientSend = s;
    }
    if (took > longest) {
      longest = took;
      slowest = i;
      slowestSend = s;
    }
    shortest = Math.min(shortest, took);
  }
  if (first < 0) return null;
  const alike = shortest === longest;
  const [at, sentAt] = !alike
    ? [slowest, slowestSend]
    : fromClient >= 0
      ? [fromClient, fromClientSend]
      : [first, firstSend];
  return {
    from: events.node(sentAt),
    to: events.node(at),
    sent: events.t(sentAt),
    arrived: events.t(at),
    slowest: !alike,
  };
}

/** What the intro says about this very run, from its trace and report. */
export function introFacts(trace: Trace, report: Report | null): IntroFacts {
  const groups: IntroFacts["groups"] = [];
  for (const n of trace.nodes) {
    const last = groups[groups.length - 1];
    if (last?.group === n.group) last.nodes.push(n.id);
    else groups.push({ group: n.group, nodes: [n.id] });
  }
  const clients = new Set(trace.nodes.filter((n) => n.group === "clients").map((n) => n.id));
  const message = introMessage(eventsOf(trace), clients);
  const first = [...(report?.anomalies ?? [])].sort((a, b) => a.detectedAt - b.detectedAt)[0];
  const firstEvent = first?.events[0];
  const node =
    firstEvent === undefined ? null : (eventBySeq(eventsOf(trace), firstEvent)?.node ?? null);
  return {
    groups,
    message,
    anomaly:
      first === undefined
        ? null
        : {
            letter: ACID_LETTER[first.kind],
            kind: first.kind,
            key: first.key,
            at: first.detectedAt,
            node,
          },
  };
}

interface Spot {
  x: number;
  y: number;
}

/** Page coordinates of the centre of an element's box. */
function centre(r: DOMRect): Spot {
  return { x: r.left + r.width / 2 + window.scrollX, y: r.top + r.height / 2 + window.scrollY };
}

/**
 * Where the timeline draws time `t` on the page, read from its axis ticks
 * (two ticks give the scale), or null if the timeline is not drawn.
 */
function timeToPageX(root: Element): ((t: number) => number) | null {
  const svg = root.querySelector(".tl-fg");
  if (svg === null) return null;
  const left = svg.getBoundingClientRect().left + window.scrollX;
  const ticks: Array<{ t: number; x: number }> = [];
  for (const g of root.querySelectorAll(".tl-axis g[transform]")) {
    const x = /translate\(([-\d.]+)/.exec(g.getAttribute("transform") ?? "");
    const t = Number((g.textContent ?? "").replace(/[^\d.-]/g, ""));
    if (x !== null && g.textContent !== "" && Number.isFinite(t))
      ticks.push({ t, x: Number(x[1]) });
  }
  if (ticks.length < 2 || ticks[1].t === ticks[0].t) return null;
  const [a, b] = ticks;
  const k = (b.x - a.x) / (b.t - a.t);
  return (t) => left + a.x + (t - a.t) * k;
}

/** The three spots on the real timeline the intro points at (lanes, an arrow, an anomaly). */
function locate(facts: IntroFacts): Array<Spot | null> {
  const root = document.querySelector('.timeline-pane [data-testid="timeline"]');
  if (root === null) return [null, null, null];
  const pane = root.closest(".timeline-pane")?.getBoundingClientRect();
  const inPane = (s: Spot | null): Spot | null =>
    s === null ||
    pane === undefined ||
    (s.x - window.scrollX >= pane.left && s.x - window.scrollX <= pane.right)
      ? s
      : null;
  const laneY = (node: string) => {
    const el = root.querySelector(`.tl-lane-label[data-lane="${CSS.escape(node)}"]`);
    return el === null ? null : el.getBoundingClientRect();
  };
  const firstLane = facts.groups[0]?.nodes[0];
  const lane = firstLane === undefined ? null : laneY(firstLane);
  const lanes = lane === null ? null : { x: lane.left + window.scrollX - 14, y: centre(lane).y };
  const x = timeToPageX(root);
  let arrow: Spot | null = null;
  const m = facts.message;
  if (x !== null && m !== null) {
    const a = laneY(m.from);
    const b = laneY(m.to);
    if (a !== null && b !== null)
      arrow = { x: (x(m.sent) + x(m.arrived)) / 2, y: (centre(a).y + centre(b).y) / 2 };
  }
  let anomaly: Spot | null = null;
  const an = facts.anomaly;
  if (x !== null && an !== null) {
    const r = an.node === null ? null : laneY(an.node);
    const plot = root.querySelector(".tl-plot")?.getBoundingClientRect();
    const y =
      r !== null ? centre(r).y : plot !== undefined ? plot.bottom + window.scrollY - 16 : null;
    if (y !== null) anomaly = { x: x(an.at), y };
  }
  return [inPane(lanes), inPane(arrow), inPane(anomaly)];
}

/** Numbered pins over the timeline, kept in place as the page scrolls or resizes. */
function Pins({ facts }: { facts: IntroFacts }) {
  const [spots, setSpots] = useState<Array<Spot | null>>([null, null, null]);
  const update = useCallback(() => setSpots(locate(facts)), [facts]);
  useLayoutEffect(() => {
    update();
    // The timeline may draw after the intro mounts (the run worker, fonts): look again.
    const later = window.setTimeout(update, 300);
    window.addEventListener("resize", update);
    window.addEventListener("scroll", update, true);
    const root = document.querySelector(".timeline-pane");
    const ro = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(update);
    if (root !== null) ro?.observe(root);
    return () => {
      window.clearTimeout(later);
      window.removeEventListener("resize", update);
      window.removeEventListener("scroll", update, true);
      ro?.disconnect();
    };
  }, [update]);
  return createPortal(
    <div className="intro-pins" aria-hidden="true">
      {spots.map((s, i) =>
        s === null ? null : (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: three fixed pins, numbered by position
            key={i}
            className="intro-pin"
            data-intro-pin={i + 1}
            style={{ left: s.x, top: s.y }}
          >
            {i + 1}
          </span>
        ),
      )}
    </div>,
    document.body,
  );
}

const groupLine = (g: { group: string; nodes: string[] }) =>
  `${GROUP_WORDS[g.group] ?? g.group} (${g.nodes.join(", ")})`;

/**
 * "What am I looking at": on a first visit, a short card that names the
 * lanes, the arrows and the anomaly marks of the run on screen, with numbered
 * pins on the timeline itself, and points to the tour and the shortcuts.
 */
export function FirstVisit() {
  const tourOpen = useTourStore((s) => s.open);
  const presenter = useTourStore((s) => s.presenter);
  const trace = useAppStore((s) => s.trace);
  const report = useAppStore((s) => s.report);
  const [open, setOpen] = useState(
    () =>
      typeof window !== "undefined" &&
      introWanted(window.location.search, readSeen(), navigator.webdriver === true) === "show",
  );
  const titleId = useId();
  const showing = open && !tourOpen && !presenter;
  // Read from the run only while the intro is on show: a hidden one costs a big run nothing.
  const facts = useMemo(
    () => (showing ? introFacts(trace, report) : null),
    [showing, trace, report],
  );
  const close = useCallback(() => {
    markSeen();
    setOpen(false);
  }, []);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, close]);
  if (!showing || facts === null) return null;
  const { message: m, anomaly: a } = facts;
  return (
    <>
      <section className="first-visit" role="dialog" aria-modal="false" aria-labelledby={titleId}>
        <h2 id={titleId}>What am I looking at?</h2>
        <ol>
          <li>
            <strong>Lanes.</strong> Each row of the timeline is one machine of this run:{" "}
            {facts.groups.map(groupLine).join("; ")}. Time runs left to right.
          </li>
          <li>
            <strong>Arrows.</strong> Each line is a message, drawn from when it is sent to when it
            arrives, as the playhead passes.{" "}
            {m === null
              ? "This run sends none."
              : `${m.slowest ? "The slowest" : "The first"} here, ${m.from} → ${m.to}, leaves at ${m.sent} ms and arrives at ${m.arrived} ms.`}
          </li>
          <li>
            <strong>Anomaly marks.</strong> When the stores stop agreeing, a coloured mark with its
            letter (A, C, I or D) appears at that moment; click it for the cause.{" "}
            {a === null
              ? "This run has none."
              : `Here the first, ${a.letter} · ${a.kind} on ${a.key}, appears at ${a.at} ms.`}
          </li>
        </ol>
        <p className="first-visit-next">
          Press Play or step with →.{" "}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              close();
              tourActions.start();
            }}
          >
            Take the tour
          </button>{" "}
          ·{" "}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              close();
              window.dispatchEvent(new KeyboardEvent("keydown", { key: "?" }));
            }}
          >
            Keyboard shortcuts (?)
          </button>
        </p>
        <button type="button" className="primary" onClick={close}>
          Got it
        </button>
      </section>
      <Pins facts={facts} />
    </>
  );
}
