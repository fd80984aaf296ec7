/**
 * `tsx lint/folder-cycles.ts` (part of `npm run lint`): fails when the
 * top-level folders of src/ (and e2e/) import each other in a cycle.
 *
 * Biome's per-folder `noRestrictedImports` rules (biome.json) say what each
 * layer may import; this is the second lock: it needs no list of layers, so a
 * new folder, a worker loaded with `new URL(…, import.meta.url)`, or a rule
 * written too loosely cannot bring a cycle in unnoticed. It reads every
 * src/**\/*.ts(x) and e2e/**\/*.ts file's relative imports (static, `export …
 * from`, dynamic `import()`, `new URL()`), builds the graph of folders, and
 * prints each cycle with the imports that make it. No dependencies: the
 * scanner below skips comments, strings, template literals and regular
 * expressions, so an import named in a comment does not count.
 *
 * It also fails when a folder of src/ has no `noRestrictedImports` override in
 * biome.json, so every folder states what it may import.
 *
 * `tsx lint/folder-cycles.ts --graph` prints the folder graph instead.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SCANNED = ["src", "e2e"];

type Token = { kind: "str"; value: string } | { kind: "word" | "punct"; value: string };

/** Keywords after which a `/` starts a regular expression, not a division. */
const BEFORE_REGEX = new Set([
  "return",
  "typeof",
  "case",
  "do",
  "else",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "instanceof",
  "yield",
  "await",
]);

/** The source's identifiers, punctuation and string literals; comments and templates dropped. */
export function tokens(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = src.length;
  /** Braces open inside each `${` of the templates we are in. */
  const templateDepth: number[] = [];
  const regexAllowed = () => {
    const last = out[out.length - 1];
    if (last === undefined) return true;
    if (last.kind === "str") return false;
    if (last.kind === "word") return BEFORE_REGEX.has(last.value);
    return !(last.value === ")" || last.value === "]" || last.value === "}");
  };
  const skipTemplate = () => {
    // i is just past a backtick or a `}` closing a `${`; stop past the closing backtick or at `${`.
    while (i < n) {
      const c = src[i];
      if (c === "\\") i += 2;
      else if (c === "`") {
        i++;
        return;
      } else if (c === "$" && src[i + 1] === "{") {
        i += 2;
        templateDepth.push(0);
        out.push({ kind: "punct", value: "(" });
        return;
      } else i++;
    }
  };
  while (i < n) {
    const c = src[i];
    if (c === "/" && src[i + 1] === "/") {
      while (i < n && src[i] !== "\n") i++;
    } else if (c === "/" && src[i + 1] === "*") {
      const end = src.indexOf("*/", i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === '"' || c === "'") {
      let value = "";
      i++;
      // A quote in JSX text never closes: a string ends at its line's end at the latest.
      while (i < n && src[i] !== c && src[i] !== "\n") {
        if (src[i] === "\\") {
          value += src[i + 1] ?? "";
          i += 2;
        } else value += src[i++];
      }
      i++;
      out.push({ kind: "str", value });
    } else if (c === "`") {
      i++;
      skipTemplate();
      out.push({ kind: "str", value: "" });
    } else if (c === "/" && regexAllowed()) {
      i++;
      let inClass = false;
      while (i < n && src[i] !== "\n") {
        const r = src[i];
        if (r === "\\") i += 2;
        else {
          i++;
          if (r === "[") inClass = true;
          else if (r === "]") inClass = false;
          else if (r === "/" && !inClass) break;
        }
      }
      while (i < n && /[a-z]/.test(src[i])) i++;
      out.push({ kind: "str", value: "" });
    } else if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w$]/.test(src[j])) j++;
      out.push({ kind: "word", value: src.slice(i, j) });
      i = j;
    } else if (/\s/.test(c)) {
      i++;
    } else {
      i++;
      const depth = templateDepth.length;
      if (depth > 0 && c === "{") templateDepth[depth - 1]++;
      else if (depth > 0 && c === "}") {
        if (templateDepth[depth - 1] === 0) {
          templateDepth.pop();
          out.push({ kind: "punct", value: ")" });
          skipTemplate();
          continue;
        }
        templateDepth[depth - 1]--;
      }
      out.push({ kind: "punct", value: c });
    }
  }
  return out;
}

/** The module specifiers a file names: `from "x"`, `import "x"`, `import("x")`, `new URL("x", …)`. */
export function specifiers(src: string): string[] {
  const t = tokens(src);
  const found: string[] = [];
  const str = (k: number) => {
    const tok = t[k];
    return tok?.kind === "str" ? tok.value : undefined;
  };
  const is = (k: number, value: string) => t[k] !== undefined && t[k].value === value;
  for (let k = 0; k < t.length; k++) {
    const tok = t[k];
    if (tok.kind !== "word") continue;
    const prevDot = is(k - 1, ".");
    let s: string | undefined;
    if (tok.value === "from" && !prevDot) s = str(k + 1);
    else if (tok.value === "import" && !prevDot) s = is(k + 1, "(") ? str(k + 2) : str(k + 1);
    else if (tok.value === "URL" && is(k - 1, "new") && is(k + 1, "(")) s = str(k + 2);
    if (s !== undefined) found.push(s);
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "node_modules") out.push(...sourceFiles(p));
    } else if (/\.(ts|tsx|mts)$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** A path's node in the graph: `src/<folder>` or `e2e`; a file directly in src/ is `src/`. */
function folderOf(rel: string): string | undefined {
  const parts = rel.split(sep);
  if (parts[0] === "src") {
    // `../check` names the folder itself (its index.ts); `./main` a file directly in src/.
    const folder = parts.length > 2 || isFolder(join(ROOT, rel));
    return folder ? `src/${parts[1]}` : "src/";
  }
  if (parts[0] === "e2e") return "e2e";
  return undefined;
}

interface Edge {
  file: string;
  spec: string;
}

function graph(): Map<string, Map<string, Edge[]>> {
  const g = new Map<string, Map<string, Edge[]>>();
  for (const top of SCANNED) {
    for (const file of sourceFiles(join(ROOT, top))) {
      const from = folderOf(relative(ROOT, file));
      if (from === undefined) continue;
      if (!g.has(from)) g.set(from, new Map());
      for (const spec of specifiers(readFileSync(file, "utf8"))) {
        if (!spec.startsWith(".")) continue;
        const target = resolve(dirname(file), spec.replace(/\?.*$/, ""));
        const to = folderOf(relative(ROOT, target));
        if (to === undefined || to === from) continue;
        const out = g.get(from) as Map<string, Edge[]>;
        out.set(to, [...(out.get(to) ?? []), { file: relative(ROOT, file), spec }]);
      }
    }
  }
  return g;
}

/** Strongly connected components with more than one folder (Tarjan). */
function cycles(g: Map<string, Map<string, Edge[]>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) found.push(scc.sort());
    }
  };
  for (const v of [...g.keys()].sort()) if (!idx.has(v)) visit(v);
  return found;
}

/** A shortest cycle through `start` inside one component, as the list of folders. */
function cycleThrough(g: Map<string, Map<string, Edge[]>>, scc: string[], start: string): string[] {
  const inside = new Set(scc);
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift() as string;
    for (const w of [...(g.get(v)?.keys() ?? [])].sort()) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(prev.get(path[0]) as string);
        return [...path, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

/**
 * The folders of src/ that no biome.json override gives a `noRestrictedImports`
 * rule: a new folder must say what it may import before it lands.
 */
function foldersWithoutLayerRule(g: Map<string, Map<string, Edge[]>>): string[] {
  interface Override {
    includes?: string[];
    linter?: { rules?: { style?: { noRestrictedImports?: unknown } } };
  }
  const config = JSON.parse(readFileSync(join(ROOT, "biome.json"), "utf8")) as {
    overrides?: Override[];
  };
  const ruled = new Set<string>();
  for (const o of config.overrides ?? []) {
    if (o.linter?.rules?.style?.noRestrictedImports === undefined) continue;
    for (const glob of o.includes ?? []) {
      const m = /^src\/([^/*!]+)\/\*\*$/.exec(glob);
      if (m) ruled.add(`src/${m[1]}`);
    }
  }
  return [...g.keys()].filter((f) => f.startsWith("src/") && f !== "src/" && !ruled.has(f)).sort();
}

function main(): void {
  const g = graph();
  if (process.argv.includes("--graph")) {
    for (const [from, out] of [...g].sort(([a], [b]) => a.localeCompare(b)))
      console.log(`${from} -> ${[...out.keys()].sort().join(", ") || "(nothing)"}`);
    return;
  }
  const found = cycles(g);
  const unruled = foldersWithoutLayerRule(g);
  for (const f of unruled)
    console.error(
      `folder-cycles: ${f} has no layer rule: add a biome.json override for "${f}/**" with noRestrictedImports naming what it may not import`,
    );
  if (found.length === 0 && unruled.length === 0) {
    console.log(
      `folder-cycles: no cycle among ${g.size} folders, and every folder of src/ has a layer rule`,
    );
    return;
  }
  for (const scc of found) {
    const path = cycleThrough(g, scc, scc[0]);
    console.error(`folder-cycles: ${path.join(" -> ")} is a cycle of folders`);
    if (scc.length > path.length - 1)
      console.error(`  (one of several: ${scc.join(", ")} all reach each other)`);
    for (let k = 0; k + 1 < path.length; k++) {
      // Name a non-test import first: it is the one a reader will want to move.
      const edges = [...(g.get(path[k])?.get(path[k + 1]) ?? [])].sort(
        (a, b) => Number(/\.test\.tsx?$/.test(a.file)) - Number(/\.test\.tsx?$/.test(b.file)),
      );
      const more = edges.length > 1 ? ` (and ${edges.length - 1} more)` : "";
      console.error(
        `  ${path[k]} -> ${path[k + 1]}: ${edges[0].file} imports "${edges[0].spec}"${more}`,
      );
    }
  }
  console.error("Layers and who may import whom: docs/architecture.md");
  process.exit(1);
}

main();
