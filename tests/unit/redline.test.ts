import { describe, expect, it } from "vitest";
import { condense, hasChanges, redline, words } from "~/modules/document/redline";

const join = (parts: { kind: string; text: string }[], kind: "before" | "after") =>
  parts.filter((p) => p.kind === "same" || p.kind === (kind === "before" ? "del" : "ins")).map((p) => p.text).join("");
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

describe("redline", () => {
  it("splits words keeping their whitespace", () => {
    expect(words("a  b\nc")).toEqual(["a  ", "b\n", "c"]);
    expect(words("")).toEqual([]);
  });

  it("finds no change in equal texts", () => {
    const parts = redline("The States shall act.", "The States shall act.");
    expect(parts).toEqual([{ kind: "same", text: "The States shall act." }]);
    expect(hasChanges(parts)).toBe(false);
  });

  it("marks a replaced word as deleted then inserted, in place", () => {
    expect(redline("States should consider support.", "States shall provide support.")).toEqual([
      { kind: "same", text: "States " },
      { kind: "del", text: "should consider " },
      { kind: "ins", text: "shall provide " },
      { kind: "same", text: "support." },
    ]);
  });

  it("handles insertions, deletions and empty sides, and both texts can be rebuilt", () => {
    const cases: [string, string][] = [
      ["", "All new text"],
      ["Old text gone", ""],
      ["a b c d e", "a x c e f"],
      ["Survivors and families. Communities too.", "Survivors, their families and affected communities."],
    ];
    for (const [before, after] of cases) {
      const parts = redline(before, after);
      expect(squash(join(parts, "before"))).toBe(squash(before));
      expect(join(parts, "after")).toBe(after);
    }
  });

  it("does not count a word's following whitespace as a change", () => {
    expect(redline("They reach them.", "They reach them.\n\nNew sentence.")).toEqual([
      { kind: "same", text: "They reach them.\n\n" },
      { kind: "ins", text: "New sentence." },
    ]);
  });

  it("condenses long unchanged runs around the changes", () => {
    const long = Array.from({ length: 100 }, (_, i) => `w${i}`).join(" ");
    const parts = condense(redline(long, long.replace("w50", "changed")), 3);
    expect(parts.map((p) => (p ? p.kind : "gap"))).toEqual(["gap", "same", "del", "ins", "same", "gap"]);
    expect(parts[1]!.text).toBe("w47 w48 w49 ");
  });

  it("stays fast and correct on a long rewrite", () => {
    const long = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(" ");
    const other = Array.from({ length: 3000 }, (_, i) => `v${i}`).join(" ");
    const started = Date.now();
    const parts = redline(long, other);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(join(parts, "before")).toBe(long);
    expect(join(parts, "after")).toBe(other);
  });
});
