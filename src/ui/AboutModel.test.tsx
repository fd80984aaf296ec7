import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { AboutModel } from "./AboutModel";

describe("AboutModel", () => {
  it("opens a dialog that says what is real and what is simplified", async () => {
    render(<AboutModel />);
    await userEvent.click(screen.getByRole("button", { name: "About the model" }));
    const dialog = screen.getAllByRole("dialog", { hidden: true })[0];
    expect(dialog).toHaveTextContent("Where it simplifies");
    expect(dialog).toHaveTextContent("KIP-101");
  });
});
