import type { ReactNode } from "react";

/**
 * Just enough Markdown for the repository's own notes shown in the app
 * (docs/model-changes.md): headings, bullet and numbered lists, fenced code,
 * paragraphs, `code` and **bold**. Everything else stays as its text. The
 * output is React elements only, never HTML strings, so nothing in the file
 * can run or inject markup.
 */
export type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "code"; text: string }
  | { kind: "paragraph"; text: string };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const FENCE = /^\s{0,3}(```|~~~)/;

export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let open: Block | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence !== null) {
      const body: string[] = [];
      while (++i < lines.length && !lines[i].trimStart().startsWith(fence[1])) body.push(lines[i]);
      blocks.push({ kind: "code", text: body.join("\n") });
      open = null;
      continue;
    }
    if (line.trim() === "") {
      open = null;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading !== null) {
      blocks.push({ kind: "heading", level: heading[1].length, text: heading[2] });
      open = null;
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet === null ? NUMBERED.exec(line) : null;
    const item = bullet ?? numbered;
    if (item !== null) {
      const ordered = numbered !== null;
      if (open?.kind !== "list" || open.ordered !== ordered) {
        open = { kind: "list", ordered, items: [] };
        blocks.push(open);
      }
      open.items.push(item[1].trim());
      continue;
    }
    // A line under a list item or a paragraph carries on the same text.
    if (open?.kind === "list") open.items[open.items.length - 1] += ` ${line.trim()}`;
    else if (open?.kind === "paragraph") open.text += ` ${line.trim()}`;
    else {
      open = { kind: "paragraph", text: line.trim() };
      blocks.push(open);
    }
  }
  return blocks;
}

/** `code`, **bold**, and [text](url) shown as its text; the rest as it is. */
function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\([^)]*\)/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    if (m[1] !== undefined) out.push(<code key={at}>{m[1]}</code>);
    else if (m[2] !== undefined) out.push(<strong key={at}>{m[2]}</strong>);
    else out.push(m[3]);
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/**
 * The blocks as elements. `headingOffset` moves headings down, so a file's
 * `#` sits under the heading of the place that shows it.
 */
export function Markdown({ text, headingOffset = 0 }: { text: string; headingOffset?: number }) {
  return (
    <>
      {parseMarkdown(text).map((b, i) => {
        const key = `${i}-${b.kind}`;
        switch (b.kind) {
          case "heading": {
            const H = `h${Math.min(6, b.level + headingOffset)}` as "h2";
            return <H key={key}>{inline(b.text)}</H>;
          }
          case "list": {
            const L = b.ordered ? "ol" : "ul";
            return (
              <L key={key}>
                {b.items.map((item, j) => (
                  // Items have no identity beyond their place in the file.
                  // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
                  <li key={j}>{inline(item)}</li>
                ))}
              </L>
            );
          }
          case "code":
            return (
              <pre key={key}>
                <code>{b.text}</code>
              </pre>
            );
          case "paragraph":
            return <p key={key}>{inline(b.text)}</p>;
        }
        return null;
      })}
    </>
  );
}
