import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Markdown, parseMarkdown } from "./Markdown";

const TEXT = `# Title

An intro that goes
on over two lines, with \`m=\` and **bold**.

## Model 2

- first entry, with a [link](https://example.org)
  that wraps
- second <script>alert(1)</script>

1. one
2. two

\`\`\`
code <b>here</b>
\`\`\`
`;

describe("Markdown", () => {
  it("reads headings, paragraphs, lists and fenced code", () => {
    expect(parseMarkdown(TEXT)).toEqual([
      { kind: "heading", level: 1, text: "Title" },
      { kind: "paragraph", text: "An intro that goes on over two lines, with `m=` and **bold**." },
      { kind: "heading", level: 2, text: "Model 2" },
      {
        kind: "list",
        ordered: false,
        items: [
          "first entry, with a [link](https://example.org) that wraps",
          "second <script>alert(1)</script>",
        ],
      },
      { kind: "list", ordered: true, items: ["one", "two"] },
      { kind: "code", text: "code <b>here</b>" },
    ]);
  });

  it("renders elements, headings moved down, and markup in the text as text", () => {
    const { container } = render(<Markdown text={TEXT} headingOffset={1} />);
    expect(screen.getByRole("heading", { level: 2, name: "Title" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 3, name: "Model 2" })).toBeInTheDocument();
    expect(screen.getAllByRole("listitem")).toHaveLength(4);
    expect(screen.getByText("m=", { selector: "code" })).toBeInTheDocument();
    expect(screen.getByText("bold", { selector: "strong" })).toBeInTheDocument();
    expect(screen.getByText(/first entry, with a link that wraps/)).toBeInTheDocument();
    expect(container.querySelector("script, a, b")).toBeNull();
    expect(screen.getByText("second <script>alert(1)</script>")).toBeInTheDocument();
    expect(container.querySelector("pre")).toHaveTextContent("code <b>here</b>");
  });
});
