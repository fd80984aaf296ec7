import { type RefObject, useState } from "react";

/** Export SVG / Export PNG of the view as it is (zoom, playhead, theme). */
export function ExportButtons(props: {
  rootRef: RefObject<HTMLElement | null>;
  label: string;
  playhead: number;
}) {
  const [error, setError] = useState<string | null>(null);
  const run = async (ext: "svg" | "png") => {
    const root = props.rootRef.current;
    if (!root) return;
    try {
      // The exporter loads on first use: the first visit does not need it.
      const { download, exportName, timelinePng, timelineSvg } = await import("./export");
      const blob =
        ext === "svg"
          ? new Blob([timelineSvg(root)], { type: "image/svg+xml" })
          : await timelinePng(root);
      download(blob, exportName(props.label, props.playhead, ext));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <>
      <button type="button" onClick={() => run("svg")}>
        Export SVG
      </button>
      <button type="button" onClick={() => run("png")}>
        Export PNG
      </button>
      {error && (
        <span role="alert" className="tl-export-error">
          Export failed: {error}
        </span>
      )}
    </>
  );
}
