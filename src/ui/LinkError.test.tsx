import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetAppStore, useAppStore } from "../app/app-store";
import { reportProblem, resetLinkStore, useLinkStore } from "../app/link-store";
import { openLink, startLinkSync, stopLinkSync } from "../app/link-sync";
import { resetPlayback } from "../app/playback";
import { defaultScenario } from "../sim/defaults";
import { presetScenario } from "../sim/presets";
import { encodeLink } from "../url/index";
import { LinkError } from "./LinkError";

describe("LinkError", () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
    resetLinkStore();
    window.history.replaceState(null, "", "/");
  });
  afterEach(() => stopLinkSync());

  it("shows nothing while there is nothing wrong", () => {
    render(<LinkError />);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it.each([
    ["a newer version", "#s=99.abc", /newer Inside Out \(schema version 99\)/],
    ["garbage", "#s=1.%%%%", /damaged or incomplete/],
    ["no scenario", "#s=", /should start with a version number/],
  ])("explains %s and offers the default scenario", async (_, hash, message) => {
    const user = userEvent.setup();
    window.history.replaceState(null, "", `/${hash}`);
    const race = presetScenario("kleppmann-race");
    if (race !== undefined) useAppStore.setState({ scenario: race });
    startLinkSync();
    render(<LinkError />);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("This link could not be opened");
    expect(alert).toHaveTextContent(message);
    await user.click(screen.getByRole("button", { name: "Open the default scenario" }));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(window.location.hash).toBe("");
    expect(useAppStore.getState().scenario).toEqual(defaultScenario());
  });

  it("says where the problem is, and shows hostile text as text", () => {
    const hostile = {
      ...defaultScenario(),
      schedule: [{ at: 5, kind: "crash", node: "<img src=x onerror=alert(1)>" }],
    };
    // encodeLink only strips and packs; validation is the decoder's job.
    openLink(encodeLink(hostile as ReturnType<typeof defaultScenario>));
    render(<LinkError />);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("<img src=x onerror=alert(1)>");
    expect(alert).toHaveTextContent("Where: schedule[0].node");
    expect(alert.querySelector("img")).toBeNull();
  });

  it("notes an ignored view part, and can be dismissed", async () => {
    const user = userEvent.setup();
    openLink(`${encodeLink(defaultScenario())}&strategy=nope`);
    render(<LinkError />);
    expect(screen.getByRole("alert")).toHaveTextContent("Part of this link was ignored");
    await user.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(useLinkStore.getState().problem).toBeNull();
  });

  it("names the file a refused import came from", () => {
    reportProblem({
      source: "file",
      fileName: "talk.inside-out.json",
      error: { code: "parse", message: "The scenario is not valid JSON." },
    });
    render(<LinkError />);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("This file could not be imported");
    expect(alert).toHaveTextContent("talk.inside-out.json");
    expect(screen.queryByRole("button", { name: "Open the default scenario" })).toBeNull();
  });
});
