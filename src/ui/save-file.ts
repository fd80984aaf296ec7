/**
 * Saves text as a file through a temporary object URL: no server, works
 * offline in a workshop room and under the page's Content-Security-Policy.
 */
export function saveFile(text: string, mediaType: string, name: string): void {
  const blob = new Blob([text], { type: mediaType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
