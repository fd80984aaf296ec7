/**
 * The product's caps. A scenario over one of them is refused (never trimmed),
 * with a message that names the limit and says by how much it is exceeded, so
 * the person who made the link or file knows what to cut.
 *
 * The caps keep a shared link from freezing a laptop on a projector: the
 * simulator is re-run on every slider move, so an honest scenario stays far
 * below them, and a hostile one is stopped before any work is done.
 */

export const LIMITS = {
  /** Characters of a `#s=…` hash (or full URL); browsers and chat apps handle far more, people do not. */
  linkBytes: 64 * 1024,
  /** UTF-8 bytes of a scenario JSON file or string. */
  fileBytes: 1024 * 1024,
  /** Bytes a link's payload may inflate to: a 64 KiB deflate stream can claim ~64 MiB (a "zip bomb"). */
  inflatedBytes: 1024 * 1024,
  /** Operations of a generated workload. */
  writes: 5_000,
  /** Operations of a scripted workload. */
  scriptOps: 5_000,
  scheduleEntries: 200,
  clients: 8,
  /** Seven brokers is already more replicas than any chapter of the talk needs. */
  brokers: 7,
  partitions: 8,
  /** Per-link network overrides (every directed pair of ~22 nodes would be ~460). */
  linkOverrides: 200,
  maxEvents: 1_000_000,
  maxTimeMs: 600_000,
  /** Time from zero to the last workload operation. */
  workloadMs: 600_000,
} as const;

export type LimitName = keyof typeof LIMITS;

interface LimitWording {
  /** The sentence's opening, given the formatted actual amount: "The scenario has 12,000 writes". */
  subject: (amount: string) => string;
  /** Unit after the limit and the excess ("" for counts). */
  unit: string;
}

const WORDING: Record<LimitName, LimitWording> = {
  linkBytes: { subject: (n) => `The link is ${n} characters long`, unit: " characters" },
  fileBytes: { subject: (n) => `The scenario is ${n} bytes`, unit: " bytes" },
  inflatedBytes: { subject: (n) => `The link unpacks to ${n} bytes`, unit: " bytes" },
  writes: { subject: (n) => `The scenario has ${n} writes`, unit: "" },
  scriptOps: { subject: (n) => `The script has ${n} operations`, unit: "" },
  scheduleEntries: { subject: (n) => `The schedule has ${n} entries`, unit: "" },
  clients: { subject: (n) => `The scenario has ${n} clients`, unit: "" },
  brokers: { subject: (n) => `The log has ${n} brokers`, unit: "" },
  partitions: { subject: (n) => `The log has ${n} partitions`, unit: "" },
  linkOverrides: { subject: (n) => `The network has ${n} per-link settings`, unit: "" },
  maxEvents: { subject: (n) => `The event cap (caps.maxEvents) is ${n}`, unit: "" },
  maxTimeMs: { subject: (n) => `The time cap (caps.maxTimeMs) is ${n} ms`, unit: " ms" },
  workloadMs: { subject: (n) => `The workload runs until ${n} ms`, unit: " ms" },
};

/** 12000 -> "12,000". Written out so messages do not depend on the reader's locale. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Number.isInteger(n) ? n : Math.round(n * 100) / 100;
  const [whole, fraction] = String(Math.abs(rounded)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${rounded < 0 ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** Null when `actual` is within the limit, else the plain-English refusal. */
export function checkLimit(name: LimitName, actual: number): string | null {
  const max = LIMITS[name];
  if (actual <= max) return null;
  return limitMessage(name, actual);
}

/** "The scenario has 12,000 writes; the limit is 5,000 (7,000 over)." */
export function limitMessage(name: LimitName, actual: number): string {
  const max = LIMITS[name];
  const { subject, unit } = WORDING[name];
  const over = actual - max;
  return `${subject(formatCount(actual))}; the limit is ${formatCount(max)}${unit} (${formatCount(over)}${unit} over).`;
}

/** UTF-8 length without allocating a copy of a possibly huge string. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one 4-byte code point.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
