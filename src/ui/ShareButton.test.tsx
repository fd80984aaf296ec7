import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetAppStore } from "../app/app-store";
import { resetPlayback } from "../app/playback";
import { COPIED_MS } from "../app/share-machine";
import { ShareButton } from "./ShareButton";

/** Installed after userEvent.setup(), which puts its own clipboard stub on navigator. */
function setClipboard(clipboard: Partial<Clipboard> | undefined): void {
  Object.defineProperty(window.navigator, "clipboard", { value: clipboard, configurable: true });
}

describe("Share", () => {
  beforeEach(() => {
    resetPlayback();
    resetAppStore();
    window.history.replaceState(null, "", "/");
  });
  afterEach(() => vi.useRealTimers());

  it("copies the link to this run and says so for a few seconds", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const writeText = vi.fn(() => Promise.resolve());
    setClipboard({ writeText });
    render(<ShareButton />);
    await user.click(screen.getByRole("button", { name: "Share" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Link copied");
    expect(writeText).toHaveBeenCalledWith(window.location.href);
    expect(window.location.hash).toMatch(/^#s=1\./);
    await act(() => vi.advanceTimersByTimeAsync(COPIED_MS + 10));
    expect(screen.getByRole("status")).toHaveTextContent("");
  });

  it.each([
    ["missing", undefined],
    ["refused", { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) }],
  ])("shows the link selected to copy by hand when the clipboard is %s", async (_, clipboard) => {
    const user = userEvent.setup();
    setClipboard(clipboard);
    render(<ShareButton />);
    await user.click(screen.getByRole("button", { name: "Share" }));
    const field = await screen.findByRole("textbox", { name: "Link to this run" });
    expect(field).toHaveValue(window.location.href);
    expect(field).toHaveAttribute("readonly");
    expect(field).toHaveFocus();
    const input = field as HTMLInputElement;
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, input.value.length]);
    expect(screen.getByRole("status")).toHaveTextContent(/Copy the link below/);
    expect(screen.getByRole("status")).not.toHaveTextContent("Link copied");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
  });
});
