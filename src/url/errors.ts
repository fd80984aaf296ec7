/**
 * The one error shape every input door returns, and the translation of zod's
 * issues into sentences a workshop attendee can act on.
 */
import type { z } from "zod";
import { formatCount } from "./limits";
import { quote } from "./rules";
import { LIMIT_PARAM } from "./schema";

export type RestoreErrorCode = "parse" | "version" | "invalid" | "limit" | "too-large";

export interface RestoreError {
  code: RestoreErrorCode;
  /** Plain English, one or two sentences; safe to show as text (never as HTML). */
  message: string;
  /** Where in the scenario, e.g. `schedule[2].node`, when the problem has a place. */
  path?: string;
}

type Issue = z.core.$ZodIssue;

/** `["workload","ops",3,"key"]` -> `workload.ops[3].key`; odd keys are quoted and capped. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (
      typeof part === "string" &&
      /^[A-Za-z_][A-Za-z0-9_]*$/.test(part) &&
      part.length <= 40
    ) {
      out += out === "" ? part : `.${part}`;
    } else out += `[${quote(String(part))}]`;
  }
  return out;
}

/** The first issue decides the message; a product cap wins over a malformed field. */
export function errorFromIssues(issues: readonly Issue[]): RestoreError {
  const limitIssue = issues.find((i) => i.code === "custom" && i.params?.[LIMIT_PARAM]);
  const issue = limitIssue ?? issues[0];
  if (!issue) return { code: "invalid", message: "The scenario is not valid." };
  const path = formatPath(issue.path);
  const more =
    issues.length > 1
      ? ` (${formatCount(issues.length - 1)} more ${issues.length === 2 ? "problem" : "problems"} after this one.)`
      : "";
  const message = `${limitIssue ? issue.message : describeIssue(issue, path)}${limitIssue ? "" : more}`;
  return { code: limitIssue ? "limit" : "invalid", message, ...(path ? { path } : {}) };
}

const EXPECTED: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  record: "an object",
};

function describeIssue(issue: Issue, path: string): string {
  const field = path || "The scenario";
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return `${field} is missing.`;
      return `${field} should be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describeValue(issue.input)}.`;
    case "too_big":
      return `${field} should be ${rangeWords(issue.origin, "at most", issue.maximum)}; it is ${sizeOf(issue.origin, issue.input)}.`;
    case "too_small":
      if (issue.origin === "array" && Number(issue.minimum) === 1)
        return `${field} should not be empty.`;
      return `${field} should be ${rangeWords(issue.origin, issue.inclusive === false ? "more than" : "at least", issue.minimum)}; it is ${sizeOf(issue.origin, issue.input)}.`;
    case "invalid_value":
      return `${field} should be ${oneOf(issue.values)}; it is ${describeValue(issue.input)}.`;
    case "unrecognized_keys": {
      const keys = issue.keys
        .slice(0, 3)
        .map((k) => quote(k))
        .join(", ");
      return `${field} has ${issue.keys.length === 1 ? "an unknown field" : "unknown fields"} ${keys}${issue.keys.length > 3 ? ", …" : ""}; check the spelling.`;
    }
    case "invalid_union":
      if (issue.discriminator && "options" in issue && issue.options) {
        return `${field} should be ${oneOf(issue.options)}; it is ${describeValue(fieldOf(issue.input, issue.discriminator))}.`;
      }
      return `${field} is not in any accepted form.`;
    case "invalid_key":
      return `${field} has a key that is not allowed.`;
    case "custom":
      return issue.message;
    default:
      return `${field} is not valid.`;
  }
}

function rangeWords(origin: string, bound: string, limit: number | bigint): string {
  const n = formatCount(Number(limit));
  if (origin === "string") return `${bound} ${n} characters long`;
  if (origin === "array") return `a list of ${bound} ${n} items`;
  return `${bound} ${n}`;
}

function sizeOf(origin: string, input: unknown): string {
  if (
    (origin === "string" || origin === "array") &&
    (typeof input === "string" || Array.isArray(input))
  ) {
    return formatCount(input.length);
  }
  return describeValue(input);
}

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((v) => (typeof v === "string" ? quote(v) : String(v)));
  return shown.length === 1 ? shown[0] : `one of ${shown.join(", ")}`;
}

function fieldOf(input: unknown, key: string): unknown {
  return typeof input === "object" && input !== null && !Array.isArray(input)
    ? (input as Record<string, unknown>)[key]
    : undefined;
}

/** A short, safe description of any value: never the whole of a big or nested input. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (typeof value === "string") return `the text ${quote(value, 24)}`;
  if (typeof value === "number")
    return Number.isInteger(value) ? formatCount(value) : String(value);
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
