/** Proposed wording is drawn against the part of the section it rewrites, not always the whole. */
import { describe, expect, it } from "vitest";
import { wordingRedline } from "~/modules/analysis/wording-redline";

const section = "Victims need care from the moment of injury.\n\nServices must be affordable and accessible.";

describe("wordingRedline", () => {
  it("compares a rewritten paragraph with that paragraph only", () => {
    expect(wordingRedline(section, "Services must be free, affordable and accessible.")).toEqual([
      { kind: "same", text: "Services must be " },
      { kind: "ins", text: "free, " },
      { kind: "same", text: "affordable and accessible." },
    ]);
  });

  it("compares a rewrite of the whole section with the whole section", () => {
    const parts = wordingRedline(section, "Victims need care from the moment of injury.\n\nServices must be accessible.");
    expect(parts.filter((p) => p.kind !== "same").map((p) => [p.kind, p.text.trim()])).toEqual([["del", "affordable and"]]);
  });

  it("shows an unchanged wording as unchanged", () => {
    expect(wordingRedline(section, section).every((p) => p.kind === "same")).toBe(true);
  });
});
