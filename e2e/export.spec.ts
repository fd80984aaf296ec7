import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { cliHash, watchErrors } from "./helpers";

/** Presses a button from the keyboard (focus, then Enter) and reads the file it downloads. */
async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const target = page.getByRole("button", { name: button });
  // Until its chunk arrives the header shows a disabled stand-in with the same name, which
  // cannot take focus: wait for the real button before pressing Enter on it.
  await expect(target).toBeEnabled();
  await target.focus();
  await expect(target).toBeFocused();
  const [file] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

test("the run exports as Perfetto JSON and as CSV, named after the scenario", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/");
  await page.getByRole("combobox", { name: "Scenario" }).selectOption("kleppmann-race");

  const trace = await download(page, "Export trace (Perfetto)");
  expect(trace.name).toBe("kleppmann-race.dual-write.trace.json");
  const json = JSON.parse(trace.text);
  expect(Array.isArray(json.traceEvents)).toBe(true);
  expect(json.traceEvents.length).toBeGreaterThan(0);
  expect(json.displayTimeUnit).toBe("ms");
  // The page's run is the command line's run.
  expect(json.metadata.traceHash).toBe(cliHash("kleppmann-race"));
  for (const e of json.traceEvents)
    for (const f of ["ph", "ts", "pid", "tid"]) expect(e).toHaveProperty(f);
  const anomalies = json.traceEvents.filter((e: { cat?: string }) => e.cat === "anomaly");
  expect(anomalies.map((e: { name: string }) => e.name).sort()).toEqual([
    "consistency",
    "isolation",
  ]);

  const csv = await download(page, "Export events (CSV)");
  expect(csv.name).toBe("kleppmann-race.dual-write.events.csv");
  const rows = csv.text.split("\r\n");
  expect(rows[0]).toBe("t,seq,type,node,peer,msg,write,key,value,offset,partition,ref,detail");
  expect(rows.length - 2).toBe(json.metadata.events);
  expect(errors).toEqual([]);
});
