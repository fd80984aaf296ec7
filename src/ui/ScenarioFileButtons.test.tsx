import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { actions } from "../app/actions";
import { resetAppStore, useAppStore } from "../app/app-store";
import { resetLinkStore } from "../app/link-store";
import { resetPlayback } from "../app/playback";
import { defaultScenario } from "../sim/defaults";
import { presetScenario } from "../sim/presets";
import { ShareControls } from "./ShareControls";

const race = presetScenario("kleppmann-race");
if (race === undefined) throw new Error("the kleppmann-race preset is missing");

/** Catches the download instead of letting jsdom try to navigate to a blob URL. */
function catchDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:test/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    names.push(this.download);
  });
  return { blobs, names };
}

const jsonFile = (text: string, name: string) =>
  new File([text], name, { type: "application/json" });

function fileInput(): HTMLInputElement {
  return screen.getByTestId("import-file") as HTMLInputElement;
}

describe("Export scenario / Import scenario", () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
    resetLinkStore();
  });
  afterEach(() => vi.restoreAllMocks());

  it("exports the scenario as a typed, versioned JSON file named after it", async () => {
    const user = userEvent.setup();
    const { blobs, names } = catchDownloads();
    actions.loadPreset("kleppmann-race");
    render(<ShareControls />);
    await user.click(screen.getByRole("button", { name: "Export scenario" }));
    expect(names).toEqual(["kleppmann-race.inside-out.json"]);
    expect(blobs[0].type).toBe("application/json");
    expect(JSON.parse(await blobs[0].text())).toEqual({
      type: "inside-out/scenario",
      version: 1,
      scenario: race,
    });
  });

  it("imports what it exported, through the file picker", async () => {
    const user = userEvent.setup();
    const { blobs } = catchDownloads();
    actions.loadPreset("kleppmann-race");
    actions.editScenario((s) => {
      s.seed = 99;
    });
    render(<ShareControls />);
    await user.click(screen.getByRole("button", { name: "Export scenario" }));
    const exported = useAppStore.getState().scenario;
    actions.loadPreset("default");

    expect(fileInput()).toHaveAttribute("accept", ".json,application/json");
    await user.upload(fileInput(), jsonFile(await blobs[0].text(), "race.inside-out.json"));
    expect(await screen.findByText("Opened race.inside-out.json")).toBeInTheDocument();
    expect(useAppStore.getState().scenario).toEqual(exported);
    expect(useAppStore.getState().presetName).toBe("kleppmann-race");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("imports a bare scenario too", async () => {
    const user = userEvent.setup();
    render(<ShareControls />);
    await user.upload(fileInput(), jsonFile(JSON.stringify(race), "bare.json"));
    expect(await screen.findByText("Opened bare.json")).toBeInTheDocument();
    expect(useAppStore.getState().scenario).toEqual(race);
  });

  it.each([
    ["not JSON", "{ nope", /not valid JSON/],
    ["another app's file", '{"type":"excalidraw","version":2}', /not an Inside Out scenario/],
    [
      "a bad field",
      JSON.stringify({ ...race, clients: "two" }),
      /clients should be a number, not the text "two"/,
    ],
  ])("refuses %s in words and keeps the current run", async (_, text, message) => {
    const user = userEvent.setup();
    render(<ShareControls />);
    await user.upload(fileInput(), jsonFile(text, "broken.json"));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("This file could not be imported");
    expect(alert).toHaveTextContent("broken.json");
    expect(alert).toHaveTextContent(message);
    expect(useAppStore.getState().scenario).toEqual(defaultScenario());
    await user.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("refuses a file over the size cap without reading it", async () => {
    const user = userEvent.setup();
    render(<ShareControls />);
    const huge = jsonFile("x".repeat(1024 * 1024 + 10), "huge.json");
    const read = vi.spyOn(huge, "text");
    await user.upload(fileInput(), huge);
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The scenario is 1,048,586 bytes; the limit is 1,048,576 bytes (10 bytes over).",
    );
    expect(read).not.toHaveBeenCalled();
  });
});
