/** Proposed wording is drawn against the part of the section it rewrites, not always the whole. */
import { describe, expect, it } from "vitest";
import { sectionTexts, wordingRedline } from "~/modules/analysis/wording-redline";

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

  it("compares a wording edited from a translation with that translation", () => {
    const texts = sectionTexts({
      body: section,
      translations: { fr: { heading: "Services", body: "Les services doivent être abordables et accessibles." }, es: { heading: "Servicios" } },
    });
    expect(texts).toHaveLength(2);
    expect(wordingRedline(texts, "Les services doivent être gratuits, abordables et accessibles.")).toEqual([
      { kind: "same", text: "Les services doivent être " },
      { kind: "ins", text: "gratuits, " },
      { kind: "same", text: "abordables et accessibles." },
    ]);
  });

  it("shows a wording with nothing to compare with as added text", () => {
    expect(wordingRedline([], "New text.")).toEqual([{ kind: "ins", text: "New text." }]);
  });
});
