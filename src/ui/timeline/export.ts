/**
 * The timeline's current view as a standalone SVG (and PNG, drawn from it) for
 * slides: the plot's SVG layers with their CSS resolved into inline styles, the
 * canvas (large runs) embedded as an image, a title and the legend, on the
 * theme's background. Everything is read from the DOM as it is on screen, so
 * the file shows exactly the view, zoom and playhead the person is looking at.
 */

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * What the timeline's stylesheet sets on SVG elements, copied as presentation
 * attributes: a `style` attribute would break the app's Content Security
 * Policy (style-src 'self'), and attributes read the same in any SVG viewer.
 */
const STYLE_PROPS = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "opacity",
  "font-size",
  "font-weight",
  "font-style",
  "font-family",
  "text-anchor",
  "paint-order",
  "letter-spacing",
];

const LEGEND_ROW_PX = 16;
const TITLE_PX = 22;

/** A deep clone of `el` with each element's computed style written as attributes. */
function inlined(el: Element): Element {
  const copy = el.cloneNode(true) as Element;
  const from = [el, ...el.querySelectorAll("*")];
  const to = [copy, ...copy.querySelectorAll("*")];
  from.forEach((src, i) => {
    const cs = getComputedStyle(src);
    for (const p of STYLE_PROPS) {
      const value = cs.getPropertyValue(p);
      if (value) to[i].setAttribute(p, value);
    }
    // Classes need the stylesheet and themed styles hold var(): both are resolved above.
    to[i].removeAttribute("class");
    to[i].removeAttribute("style");
  });
  // Uppercase group titles come from CSS text-transform, which SVG viewers ignore.
  for (const [i, src] of from.entries())
    if (getComputedStyle(src).textTransform === "uppercase" && to[i].childElementCount === 0)
      to[i].textContent = (src.textContent ?? "").toUpperCase();
  return copy;
}

function svgEl(name: string, attrs: Record<string, string | number>): SVGElement {
  const e = document.createElementNS(SVG_NS, name) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** The legend's items as SVG, laid out where they wrap on screen. */
function legendGroup(legend: Element, fg: string): { g: SVGElement; height: number } {
  const g = svgEl("g", { class: "legend" });
  const origin = legend.getBoundingClientRect();
  let height = 0;
  for (const li of legend.querySelectorAll("li")) {
    const r = li.getBoundingClientRect();
    const x = r.left - origin.left;
    const y = r.top - origin.top;
    const icon = li.querySelector("svg");
    if (icon) {
      const copy = inlined(icon);
      copy.setAttribute("x", String(x));
      copy.setAttribute("y", String(y + 2));
      g.append(copy);
    }
    const text = svgEl("text", { x: x + 28, y: y + 11, fill: fg, "font-size": 11 });
    text.textContent = li.textContent ?? "";
    g.append(text);
    height = Math.max(height, y + LEGEND_ROW_PX);
  }
  return { g, height };
}

/** Serialises the view of one timeline (`root` is its `[data-testid=timeline]` element). */
export function timelineSvg(root: HTMLElement): string {
  const plot = root.querySelector(".tl-plot");
  const back = plot?.querySelector("svg.tl-bg");
  const front = plot?.querySelector("svg.tl-fg");
  if (!plot || !back || !front) throw new Error("no timeline plot to export");
  const width = Number(front.getAttribute("width"));
  const height = Number(front.getAttribute("height"));
  const theme = getComputedStyle(root);
  const bg = theme.getPropertyValue("--tl-bg").trim() || "#ffffff";
  const fg = theme.getPropertyValue("--tl-fg").trim() || "#1d232b";
  // No explicit xmlns: the element is in the SVG namespace and the serialiser declares it.
  const out = svgEl("svg", { width, "font-family": "system-ui, sans-serif" });
  out.append(svgEl("rect", { width: "100%", height: "100%", fill: bg }));
  let y = 4;
  const title = root.querySelector(".tl-title")?.textContent;
  if (title) {
    const t = svgEl("text", { x: 8, y: y + 14, fill: fg, "font-size": 14, "font-weight": 600 });
    t.textContent = title;
    out.append(t);
    y += TITLE_PX;
  }
  // Compare mode shows the legend once, above the first run; every export carries it.
  const legend = root.querySelector(".tl-legend") ?? document.querySelector(".tl-legend");
  if (legend) {
    const { g, height: h } = legendGroup(legend, fg);
    g.setAttribute("transform", `translate(8,${y})`);
    out.append(g);
    y += h + 6;
  }
  const body = svgEl("g", { transform: `translate(0,${y})` });
  body.append(inlined(back));
  const canvas = plot.querySelector("canvas");
  if (canvas) {
    body.append(svgEl("image", { href: canvas.toDataURL("image/png"), x: 0, y: 0, width, height }));
  }
  body.append(inlined(front));
  out.append(body);
  out.setAttribute("height", String(y + height));
  out.setAttribute("viewBox", `0 0 ${width} ${y + height}`);
  return new XMLSerializer().serializeToString(out);
}

/** The same picture as PNG at `scale`× (2 by default: sharp on a projector). */
export async function timelinePng(root: HTMLElement, scale = 2): Promise<Blob> {
  const svg = timelineSvg(root);
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(img.width * scale);
    canvas.height = Math.round(img.height * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas for the PNG export");
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))),
        "image/png",
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser the time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `timeline-dual-write-68ms.svg`: what, and when in the run. */
export function exportName(label: string | undefined, playhead: number, ext: string): string {
  const what = (label ?? "timeline").replace(/[^a-z0-9-]+/gi, "-").toLowerCase();
  return `timeline-${what}-${Math.round(playhead)}ms.${ext}`;
}
