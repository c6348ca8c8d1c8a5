/**
 * The one schema that validates a page of answers (browser and action alike): drafts may be
 * half done, a submit needs every required answer; only offered options; text limits on the
 * text as stored (line breaks normalised); and the mapping to stored answer values.
 */
import { describe, expect, it } from "vitest";
import {
  AGREEMENT_OPTIONS,
  answersSchema,
  answerValues,
  fieldName,
  isAnswered,
  LONG_TEXT_MAX,
  PROPOSED_WORDING_MAX,
  optionsOf,
  SHORT_TEXT_MAX,
  YES_NO_OPTIONS,
  type FormQuestion,
  type QuestionType,
} from "~/modules/questionnaire/questions";

const OWN_OPTIONS = [
  { id: "health", label: "Health" },
  { id: "education", label: "Education" },
  { id: "work", label: "Work" },
];

function question(id: string, type: QuestionType, required = true): FormQuestion {
  const options = type === "SINGLE_CHOICE" || type === "MULTIPLE_CHOICE" ? OWN_OPTIONS : optionsOf(type, []);
  return { id, type, prompt: `Question ${id}`, help: "", required, options };
}

const QUESTIONS: FormQuestion[] = [
  question("single", "SINGLE_CHOICE"),
  question("multiple", "MULTIPLE_CHOICE"),
  question("agreement", "AGREEMENT"),
  question("yesno", "YES_NO"),
  question("short", "SHORT_TEXT"),
  question("long", "LONG_TEXT"),
  question("wording", "PROPOSED_WORDING"),
];

const f = fieldName;

function parse(values: Record<string, unknown>, requireAll: boolean, questions = QUESTIONS) {
  const result = answersSchema(questions, { requireAll }).safeParse(values);
  const errors: Record<string, string> = {};
  if (!result.success) for (const issue of result.error.issues) errors[issue.path.join(".")] ??= issue.message;
  return { ok: result.success, data: result.success ? (result.data as Record<string, unknown>) : null, errors };
}

const FULL = {
  [f("single")]: "health",
  [f("multiple")]: ["health", "work"],
  [f("agreement")]: "agree",
  [f("yesno")]: "no",
  [f("short")]: "Short answer",
  [f("long")]: "A longer answer.",
  [f("wording")]: "Better wording.",
};

describe("field names", () => {
  it("are q_<id>, with no dots", () => {
    expect(fieldName("abc123")).toBe("q_abc123");
  });
});

describe("answersSchema for a draft (requireAll: false)", () => {
  it("accepts an empty page: required answers wait for the submit", () => {
    const { ok, data } = parse({}, false);
    expect(ok).toBe(true);
    expect(data).toMatchObject({
      [f("single")]: [],
      [f("multiple")]: [],
      [f("agreement")]: [],
      [f("yesno")]: [],
      [f("short")]: "",
      [f("long")]: "",
      [f("wording")]: "",
    });
  });

  it("treats an empty choice (no radio button picked) as no answer", () => {
    expect(parse({ [f("single")]: "", [f("agreement")]: "", [f("yesno")]: "" }, false).data).toMatchObject({
      [f("single")]: [],
      [f("agreement")]: [],
      [f("yesno")]: [],
    });
  });

  it("refuses options the question does not offer, for every choice type", () => {
    const { ok, errors } = parse(
      { [f("single")]: "sport", [f("multiple")]: ["health", "sport"], [f("agreement")]: "yes", [f("yesno")]: "maybe" },
      false,
    );
    expect(ok).toBe(false);
    expect(errors).toEqual({
      [f("single")]: "validation.chooseOne",
      [f("multiple")]: "validation.chooseFromOptions",
      [f("agreement")]: "validation.chooseOne",
      [f("yesno")]: "validation.chooseOne",
    });
  });

  it("does not accept another question type's options (agreement ids on a yes/no question)", () => {
    expect(parse({ [f("yesno")]: "agree" }, false).ok).toBe(false);
    expect(parse({ [f("agreement")]: "dont-know" }, false).ok).toBe(true);
  });

  it("turns a single ticked box into a list, and keeps each option once", () => {
    expect(parse({ [f("multiple")]: "work" }, false).data?.[f("multiple")]).toEqual(["work"]);
    expect(parse({ [f("multiple")]: ["work", "health", "work"] }, false).data?.[f("multiple")]).toEqual(["work", "health"]);
  });

  it("refuses two values for a single-choice question", () => {
    expect(parse({ [f("single")]: ["health", "work"] }, false).ok).toBe(false);
  });

  it("refuses text over the limit, with the limit in the message", () => {
    const short = parse({ [f("short")]: "a".repeat(SHORT_TEXT_MAX + 1) }, false);
    expect(short.errors[f("short")]).toBe("validation.tooLongShort");
    expect(parse({ [f("short")]: "a".repeat(SHORT_TEXT_MAX) }, false).ok).toBe(true);

    const long = parse({ [f("long")]: "a".repeat(LONG_TEXT_MAX + 1) }, false);
    expect(long.errors[f("long")]).toBe("validation.tooLongLong");
    expect(parse({ [f("long")]: "a".repeat(LONG_TEXT_MAX) }, false).ok).toBe(true);

    // A proposed wording may be as long as a section body: a long section is reworded whole.
    expect(parse({ [f("wording")]: "a".repeat(LONG_TEXT_MAX + 1) }, false).ok).toBe(true);
    const wording = parse({ [f("wording")]: "a".repeat(PROPOSED_WORDING_MAX + 1) }, false);
    expect(wording.errors[f("wording")]).toBe("validation.tooLongWording");
  });

  it("normalises CRLF line breaks before storing and before counting length", () => {
    expect(parse({ [f("long")]: "First line\r\nSecond line\r\n\r\nThird" }, false).data?.[f("long")]).toBe("First line\nSecond line\n\nThird");
    // Browsers send textarea line breaks as CRLF: the limit applies to the text as stored.
    const lines = "\r\n".repeat(SHORT_TEXT_MAX / 2 + 1); // 502 characters as posted, 251 as stored
    const parsed = parse({ [f("short")]: lines }, false);
    expect(parsed.ok).toBe(true);
    expect(parsed.data?.[f("short")]).toBe("\n".repeat(SHORT_TEXT_MAX / 2 + 1));
  });

  it("keeps fields it does not know (other sections, intent) without validating them", () => {
    const { ok, data } = parse({ intent: "continue", [f("other")]: "whatever" }, false);
    expect(ok).toBe(true);
    expect(data).toMatchObject({ intent: "continue", [f("other")]: "whatever" });
  });
});

describe("answersSchema for a submit (requireAll: true)", () => {
  it("accepts a fully answered page", () => {
    expect(parse(FULL, true).ok).toBe(true);
  });

  it("names each missing required answer in words that fit the question", () => {
    const { ok, errors } = parse({}, true);
    expect(ok).toBe(false);
    expect(errors).toEqual({
      [f("single")]: "validation.chooseOne",
      [f("multiple")]: "validation.chooseAtLeastOne",
      [f("agreement")]: "validation.chooseOne",
      [f("yesno")]: "validation.chooseYesNo",
      [f("short")]: "validation.answer",
      [f("long")]: "validation.answer",
      [f("wording")]: "validation.answer",
    });
  });

  it("does not count blank text or an empty choice as an answer", () => {
    const { errors } = parse({ ...FULL, [f("short")]: "   ", [f("long")]: "\r\n\t", [f("single")]: "", [f("multiple")]: [] }, true);
    expect(Object.keys(errors).sort()).toEqual([f("long"), f("multiple"), f("short"), f("single")].sort());
  });

  it("leaves optional questions optional", () => {
    const optional = QUESTIONS.map((q) => ({ ...q, required: false }));
    expect(parse({}, true, optional).ok).toBe(true);
    // ...but still checks what is given.
    expect(parse({ [f("yesno")]: "perhaps" }, true, optional).errors[f("yesno")]).toBe("validation.chooseOne");
  });
});

describe("answerValues", () => {
  it("maps parsed fields to one stored value per question", () => {
    const parsed = parse({ ...FULL, [f("long")]: "Line\r\nbreak" }, true).data!;
    const values = answerValues(QUESTIONS, parsed);
    expect(Object.fromEntries(values)).toEqual({
      single: { choices: ["health"], text: null },
      multiple: { choices: ["health", "work"], text: null },
      agreement: { choices: ["agree"], text: null },
      yesno: { choices: ["no"], text: null },
      short: { choices: [], text: "Short answer" },
      long: { choices: [], text: "Line\nbreak" },
      wording: { choices: [], text: "Better wording." },
    });
  });

  it("stores blank text as no answer, and gives every question of the page a value (clearing old answers)", () => {
    const parsed = parse({ [f("short")]: "  \t " }, false).data!;
    const values = answerValues(QUESTIONS, parsed);
    expect(values.size).toBe(QUESTIONS.length);
    expect(values.get("short")).toEqual({ choices: [], text: null });
    expect(values.get("multiple")).toEqual({ choices: [], text: null });
    expect(values.get("single")).toEqual({ choices: [], text: null });
    expect([...values.values()].some(isAnswered)).toBe(false);
  });

  it("ignores fields of questions not on the page", () => {
    const values = answerValues([question("short", "SHORT_TEXT")], { [f("short")]: "Yes", [f("long")]: "Not here" });
    expect([...values.keys()]).toEqual(["short"]);
  });
});

describe("isAnswered", () => {
  it("is true for a choice or non-blank text only", () => {
    expect(isAnswered(undefined)).toBe(false);
    expect(isAnswered({ choices: [], text: null })).toBe(false);
    expect(isAnswered({ choices: [], text: " \n " })).toBe(false);
    expect(isAnswered({ choices: ["yes"], text: null })).toBe(true);
    expect(isAnswered({ choices: [], text: "x" })).toBe(true);
  });
});

describe("optionsOf", () => {
  it("gives agreement questions the fixed 5-point scale plus don't know, whatever is stored", () => {
    expect(optionsOf("AGREEMENT", [{ id: "other", label: "Other" }])).toBe(AGREEMENT_OPTIONS);
    expect(AGREEMENT_OPTIONS.map((o) => o.id)).toEqual(["strongly-agree", "agree", "neutral", "disagree", "strongly-disagree", "dont-know"]);
  });

  it("gives yes/no questions yes and no", () => {
    expect(optionsOf("YES_NO", null)).toBe(YES_NO_OPTIONS);
    expect(YES_NO_OPTIONS.map((o) => o.id)).toEqual(["yes", "no"]);
  });

  it("reads a question's own options, skipping malformed entries", () => {
    expect(optionsOf("SINGLE_CHOICE", OWN_OPTIONS)).toEqual(OWN_OPTIONS);
    expect(optionsOf("MULTIPLE_CHOICE", [{ id: "a", label: "A" }, { id: 2, label: "B" }, null, "c", { id: "d" }, { id: "e", label: "E" }])).toEqual([
      { id: "a", label: "A" },
      { id: "e", label: "E" },
    ]);
  });

  it("gives text questions and unreadable stored options none", () => {
    expect(optionsOf("SINGLE_CHOICE", "not a list")).toEqual([]);
    expect(optionsOf("SINGLE_CHOICE", { id: "a", label: "A" })).toEqual([]);
    expect(optionsOf("LONG_TEXT", [])).toEqual([]);
  });
});
