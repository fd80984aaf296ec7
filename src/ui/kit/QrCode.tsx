import { useEffect, useState } from "react";

type Drawn = { size: number; path: string } | { error: string };

/**
 * One SVG path for the dark modules of a QR code (runs of a row merged), so
 * the code stays crisp at any size. The encoding is the `qrcode` package's,
 * loaded on first use: the first visit does not carry it.
 */
async function draw(text: string): Promise<Drawn> {
  const { default: QRCode } = await import("qrcode");
  // Level L (7% recovery) keeps a long link to the fewest, largest modules:
  // a projected code is clean, and the back row needs big squares.
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "L" });
  const { size } = modules;
  let path = "";
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules.get(row, col)) col++;
      path += `M${start} ${row}h${col - start}v1h${start - col}z`;
    }
  }
  return { size, path };
}

/** Four modules of white around the code: the quiet zone scanners need. */
const QUIET = 4;

/** `text` as a QR code, dark on white whatever the page's theme. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [drawn, setDrawn] = useState<(Drawn & { text: string }) | null>(null);
  useEffect(() => {
    let live = true;
    draw(text)
      .catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }))
      .then((d) => {
        if (live) setDrawn({ ...d, text });
      });
    return () => {
      live = false;
    };
  }, [text]);
  if (drawn === null || drawn.text !== text)
    return <p className="qr-placeholder">Drawing the code…</p>;
  if ("error" in drawn)
    return (
      <p className="qr-placeholder" role="alert">
        The code could not be drawn ({drawn.error}); the link below opens the same run.
      </p>
    );
  const side = drawn.size + 2 * QUIET;
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      viewBox={`${-QUIET} ${-QUIET} ${side} ${side}`}
      shapeRendering="crispEdges"
      data-modules={drawn.size}
    >
      <rect x={-QUIET} y={-QUIET} width={side} height={side} fill="#fff" />
      <path d={drawn.path} fill="#000" />
    </svg>
  );
}
