/** Parts of a published summary with nothing to report say so in one line, and only they do. */
import { describe, expect, it } from "vitest";
import { quietLine } from "~/modules/summary/quiet";

const part = { key: "scope", change: null, parts: null, themesHtml: "", items: [] as unknown[] };
const same = [{ kind: "same" as const, text: "The text." }];

describe("quietLine", () => {
  it("is one line for a part nobody summarised or decided, before the next draft and after it if its text stayed", () => {
    expect(quietLine(part)).toBe("quietUnrevised");
    expect(quietLine({ ...part, parts: same, change: "unchanged" })).toBe("quiet");
    expect(quietLine({ ...part, key: "" })).toBe("quietDocument");
  });

  it("is nothing when there is something to report", () => {
    expect(quietLine({ ...part, themesHtml: "<p>Many asked for more.</p>" })).toBeNull();
    expect(quietLine({ ...part, items: [{}] })).toBeNull();
    expect(quietLine({ ...part, parts: [...same, { kind: "ins" as const, text: " More." }], change: "changed" })).toBeNull();
    expect(quietLine({ ...part, parts: same, change: "moved" })).toBeNull();
  });
});
