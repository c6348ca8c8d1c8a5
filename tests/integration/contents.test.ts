/**
 * The respondent's contents page and the language marks of untranslated consultation text,
 * through the real route loaders on the demo: each section's status follows the answers
 * (not started, in progress while a required answer is missing, answered), and a French reader
 * gets the original's language for every title, heading, prompt, help and option the
 * coordinators did not translate (and none for what they did).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { formatDateTime } from "~/modules/round/dates";
import { fieldName, type FormQuestion } from "~/modules/questionnaire/questions";
import { loadRespondentRound, type RespondentSection } from "~/modules/response/respondent-round.server";
import { loader as contentsLoader } from "~/routes/respond.$invitationId._index";
import { loader as reviewLoader } from "~/routes/respond.$invitationId.review";
import { action as sectionAction, loader as sectionLoader } from "~/routes/respond.$invitationId.sections.$sectionKey";
import { loader as previewLoader } from "~/routes/consultations.$consultationId.rounds.$roundId.questions.preview";
import { loader as resultsLoader } from "~/routes/consultations.$consultationId.rounds.$roundId.results";
import { seedDemo } from "../../prisma/seed/demo";
import { context, cookieForEmail, get, outcome, post } from "./route-helpers";

const SUBMITTER = "pointfocal@pnhd.mauritanie.example"; // Mauritania: reads French, has not started

let invitationId: string;
let cookie: string;
let sections: RespondentSection[];

function answerFor(q: FormQuestion): string {
  if (q.type === "AGREEMENT") return "agree";
  if (q.type === "YES_NO") return "yes";
  if (q.type === "SINGLE_CHOICE" || q.type === "MULTIPLE_CHOICE") return q.options[0]!.id;
  return "Our answer.";
}

async function contents() {
  const page = await outcome(() => contentsLoader({ request: get(`/respond/${invitationId}`, cookie), params: { invitationId }, context }));
  expect(page.status).toBe(200);
  return page.data as Awaited<ReturnType<typeof contentsLoader>>;
}

const statusOf = async (key: string) => (await contents()).sections.find((s) => s.key === key)!.status;

async function save(key: string, questions: FormQuestion[]) {
  const fields = Object.fromEntries(questions.map((q) => [fieldName(q.id), answerFor(q)]));
  const result = await outcome(() => sectionAction({ request: post(`/respond/${invitationId}/sections/${key}`, fields, cookie), params: { invitationId, sectionKey: key }, context }));
  expect(result.status).toBe(302);
}

beforeAll(async () => {
  await seedDemo(db(), { appUrl: "http://localhost:3000" });
  const invitation = await db().invitation.findFirstOrThrow({ where: { round: { status: "OPEN" }, organisation: { name: "Mauritania" } } });
  invitationId = invitation.id;
  cookie = await cookieForEmail(SUBMITTER);
  sections = (await loadRespondentRound(invitationId)).sections;
});

describe("question numbers", () => {
  it("run straight through the round, the same on the respondent's section and review pages, the coordinators' preview and the results", async () => {
    const round = await db().round.findFirstOrThrow({ where: { status: "OPEN", invitations: { some: { id: invitationId } } } });
    const coordinator = await cookieForEmail("coordinator@consult.localhost");
    const review = await outcome(() => reviewLoader({ request: get(`/respond/${invitationId}/review`, cookie), params: { invitationId }, context }));
    const reviewNumbers = new Map(review.data.sections.map((s: { key: string; questions: Array<{ number: number }> }) => [s.key, s.questions[0]?.number]));
    let expected = 1;
    for (const [index, section] of sections.entries()) {
      expect(reviewNumbers.get(section.key), section.key).toBe(expected);
      const page = await outcome(() => sectionLoader({ request: get(`/respond/${invitationId}/sections/${section.key}`, cookie), params: { invitationId, sectionKey: section.key }, context }));
      expect(page.data.firstNumber, section.key).toBe(expected);
      // The document as a whole is no numbered section of the draft.
      expect(page.data.section.number).toBe(section.key === "general" ? null : index + 1);
      const preview = await outcome(() =>
        previewLoader({
          request: get(`/consultations/${round.consultationId}/rounds/${round.id}/questions/preview?section=${section.key}`, coordinator),
          params: { consultationId: round.consultationId, roundId: round.id },
          context,
        }),
      );
      expect(preview.data.firstNumber, section.key).toBe(expected);
      const resultsKey = section.key === "general" ? "whole-document" : section.key;
      const results = await outcome(() =>
        resultsLoader({
          request: get(`/consultations/${round.consultationId}/rounds/${round.id}/results?section=${resultsKey}`, coordinator),
          params: { consultationId: round.consultationId, roundId: round.id },
          context,
        }),
      );
      expect(results.data.questions[0].number, section.key).toBe(expected);
      expected += section.questions.length;
    }
    expect(sections.at(-1)!.key).toBe("general");
    expect(expected).toBeGreaterThan(20);
  });
});

describe("the contents page", () => {
  it("starts with every section not started, with its number of questions", async () => {
    const page = await contents();
    expect(page.sections.map((s) => s.status)).toEqual(sections.map(() => "not-started"));
    expect(page.sections.map((s) => s.questions)).toEqual(sections.map((s) => s.questions.length));
  });

  it("shows a section in progress while a required answer is missing, answered once it is given", async () => {
    const section = sections.find((s) => s.questions.some((q) => q.required) && s.questions.some((q) => !q.required))!;
    await save(section.key, section.questions.filter((q) => !q.required));
    expect(await statusOf(section.key)).toBe("in-progress");
    await save(section.key, section.questions.filter((q) => q.required));
    expect(await statusOf(section.key)).toBe("answered");
  });

  it("counts a section without required questions as answered from its first answer", async () => {
    const section = sections.find((s) => s.questions.length > 1 && s.questions.every((q) => !q.required))!;
    await save(section.key, section.questions.slice(0, 1));
    expect(await statusOf(section.key)).toBe("answered");
  });
});

describe("untranslated consultation text, for a reader of French, Spanish or Arabic", () => {
  it("carries the original's language on the titles and on each untranslated heading, prompt, help and option only", async () => {
    const page = await contents();
    // Round and consultation titles and instructions have no translations.
    expect(page.header.titlesFrom).toBe("en");
    const byKey = new Map(page.sections.map((s) => [s.key, s]));
    expect(byKey.get("purpose-and-scope")!.headingFrom).toBeUndefined(); // translated in the demo
    expect(byKey.get("data-collection")!.headingFrom).toBe("en"); // not translated

    // The same rule in every language the interface speaks (the demo translates unevenly).
    const seen: FormQuestion[] = [];
    for (const language of ["fr", "es", "ar"] as const) {
      const questions = (await loadRespondentRound(invitationId, language)).sections.flatMap((s) => s.questions);
      const stored = await db().question.findMany({ where: { id: { in: questions.map((q) => q.id) } } });
      for (const q of questions) {
        const tr = (stored.find((s) => s.id === q.id)!.translations as Record<string, { prompt?: string; help?: string; options?: Record<string, string> }>)[language];
        expect(q.promptFrom).toBe(tr?.prompt ? undefined : "en");
        expect(q.helpFrom).toBe(q.help && !tr?.help ? "en" : undefined);
        const fixed = q.type === "AGREEMENT" || q.type === "YES_NO";
        for (const o of q.options) expect(o.from).toBe(fixed || tr?.options?.[o.id] ? undefined : "en");
      }
      seen.push(...questions);
    }
    // The demo has some of each, so the loop above checked both ways.
    expect(seen.some((q) => q.promptFrom) && seen.some((q) => !q.promptFrom)).toBe(true);
    expect(seen.some((q) => q.helpFrom) && seen.some((q) => q.options.some((o) => o.from))).toBe(true);

    // Read in English, the original, nothing is marked.
    const english = await loadRespondentRound(invitationId, "en");
    expect(english.titlesFrom).toBeUndefined();
    expect(english.sections.some((s) => s.headingFrom || s.questions.some((q) => q.promptFrom || q.helpFrom || q.options.some((o) => o.from)))).toBe(false);
  });

  it("marks the untranslated parts of the review page's missing-answers links, apart from the translated ones", async () => {
    const page = await outcome(() => reviewLoader({ request: get(`/respond/${invitationId}/review`, cookie), params: { invitationId }, context }));
    const data = page.data as Awaited<ReturnType<typeof reviewLoader>>;
    expect(data.missing.length).toBeGreaterThan(0);
    const french = await loadRespondentRound(invitationId, "fr");
    for (const m of data.missing) {
      const section = french.sections.find((s) => m.href.includes(`/sections/${s.key}#`))!;
      expect(m.section).toBe(section.heading);
      expect(m.sectionFrom).toBe(section.headingFrom);
      expect(m.questionFrom).toBe(section.questions.find((q) => q.prompt === m.question)!.promptFrom);
    }
    expect(data.sections.find((s) => s.key === "data-collection")!.headingFrom).toBe("en");
  });
});

describe("the deadline", () => {
  it("shows an organisation's extended deadline in the contact's own time zone, naming the zone", async () => {
    const invitation = await db().invitation.findUniqueOrThrow({ where: { id: invitationId }, include: { round: true } });
    const extended = new Date(invitation.round.closesAt!.getTime() + 3 * 86_400_000);
    await db().invitation.update({ where: { id: invitationId }, data: { extendedUntil: extended } });
    await db().user.update({ where: { email: SUBMITTER }, data: { timeZone: "Africa/Nouakchott" } });
    try {
      const { header } = await contents();
      expect(header.deadlineText).toBe(formatDateTime(extended, "Africa/Nouakchott", "fr"));
      expect(header.deadlineText).not.toBe(formatDateTime(extended, invitation.round.timeZone, "fr")); // the contact's zone, not the round's
    } finally {
      await db().invitation.update({ where: { id: invitationId }, data: { extendedUntil: null } });
    }
  });
});
