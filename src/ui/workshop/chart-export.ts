/** Saves the sweep chart as a file: SVG as it is, PNG rendered at twice its size for slides. */

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function svgText(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

export function exportSvg(svg: SVGSVGElement, fileName: string): void {
  download(new Blob([svgText(svg)], { type: "image/svg+xml" }), fileName);
}

export function exportPng(svg: SVGSVGElement, fileName: string, scale = 2): Promise<void> {
  const w = svg.viewBox.baseVal.width || svg.clientWidth;
  const h = svg.viewBox.baseVal.height || svg.clientHeight;
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: "image/svg+xml" }));
  return new Promise((resolve, reject) => {
    img.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = w * scale;
      canvas.height = h * scale;
      const ctx = canvas.getContext("2d");
      if (ctx === null) return reject(new Error("no 2d canvas"));
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => {
        if (blob === null) return reject(new Error("PNG encoding failed"));
        download(blob, fileName);
        resolve();
      }, "image/png");
    };
    img.onerror = () => reject(new Error("the chart could not be rendered"));
    img.src = url;
  });
}
