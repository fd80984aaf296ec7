import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { actions } from "../app/actions";
import { resetAppStore, useAppStore } from "../app/app-store";
import { resetLinkStore } from "../app/link-store";
import { resetPlayback } from "../app/playback";
import { ShareControls } from "./ShareControls";

/** Catches the download instead of letting jsdom try to navigate to a blob URL. */
function catchDownloads() {
  const files: Array<{ name: string; blob: Blob }> = [];
  const blobs: Blob[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:test/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    files.push({ name: this.download, blob: blobs[Number(this.href.split("/").at(-1)) - 1] });
  });
  return files;
}

describe("Export trace (Perfetto) / Export events (CSV)", () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
    resetLinkStore();
  });
  afterEach(() => vi.restoreAllMocks());

  it("saves the run on screen as Chrome Trace JSON, named after the scenario, from the keyboard", async () => {
    const user = userEvent.setup();
    const files = catchDownloads();
    actions.loadPreset("kleppmann-race");
    render(<ShareControls />);
    const button = screen.getByRole("button", { name: "Export trace (Perfetto)" });
    button.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files[0].name).toBe("kleppmann-race.dual-write.trace.json");
    expect(files[0].blob.type).toBe("application/json");
    const out = JSON.parse(await files[0].blob.text());
    expect(out.metadata.traceHash).toBe(useAppStore.getState().trace.traceHash);
    expect(out.traceEvents.filter((e: { cat?: string }) => e.cat === "anomaly")).toHaveLength(
      useAppStore.getState().report?.anomalies.length ?? -1,
    );
  });

  it("saves the events as CSV, one row per event", async () => {
    const user = userEvent.setup();
    const files = catchDownloads();
    actions.loadPreset("kleppmann-race");
    render(<ShareControls />);
    screen.getByRole("button", { name: "Export events (CSV)" }).focus();
    await user.keyboard(" ");
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files[0].name).toBe("kleppmann-race.dual-write.events.csv");
    expect(files[0].blob.type).toBe("text/csv");
    const rows = (await files[0].blob.text()).split("\r\n");
    expect(rows[0]).toBe("t,seq,type,node,peer,msg,write,key,value,offset,partition,ref,detail");
    expect(rows.length - 2).toBe(useAppStore.getState().trace.events.length);
  });

  it("waits while a new run computes in the background", () => {
    render(<ShareControls />);
    expect(screen.getByRole("button", { name: "Export trace (Perfetto)" })).toBeEnabled();
    useAppStore.setState({ computing: true });
    return waitFor(() =>
      expect(screen.getByRole("button", { name: "Export trace (Perfetto)" })).toBeDisabled(),
    );
  });
});
