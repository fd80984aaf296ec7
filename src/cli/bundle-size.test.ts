import { describe, expect, it } from "vitest";
import { firstVisitScripts } from "./bundle-size";

describe("firstVisitScripts", () => {
  it("finds the entry module and its preloaded chunks, not lazy ones", () => {
    const html = `<script type="module" crossorigin src="./assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/vendor-b.js">
      <link rel="stylesheet" href="./assets/index-c.css">`;
    expect(firstVisitScripts(html)).toEqual(["./assets/index-a.js", "./assets/vendor-b.js"]);
  });
});
