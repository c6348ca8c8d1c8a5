/**
 * The questionnaire builder: adding, editing, reordering, retiring and deleting questions,
 * copying another round's questionnaire; answers are never lost (a wording fix keeps the
 * question, a change of meaning retires it and keeps its answers readable); who may change
 * what; every change audited. Route loaders and actions are called directly.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/modules/auth/session.server";
import { consultationOverview } from "~/modules/consultation/consultations.server";
import { db } from "~/modules/db/client.server";
import { loadRespondentRound } from "~/modules/response/respondent-round.server";
import { action as indexAction, loader as indexLoader } from "~/routes/consultations.$consultationId.rounds.$roundId.questions._index";
import { action as newAction, loader as newLoader } from "~/routes/consultations.$consultationId.rounds.$roundId.questions.new";
import { action as editAction, loader as editLoader } from "~/routes/consultations.$consultationId.rounds.$roundId.questions.$questionId";
import { loader as previewLoader } from "~/routes/consultations.$consultationId.rounds.$roundId.questions.preview";

const context = { cspNonce: "", clientIp: "203.0.113.7", wakeMailWorker: () => {} };
const BASE = "http://localhost:3000";

async function cookieFor(userId: string) {
  return (await createSession(userId, new Request(BASE))).split(";")[0]!;
}

function post(path: string, cookie: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return new Request(BASE + path, { method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body });
}

async function outcome(run: () => Promise<unknown>): Promise<{ status: number; location?: string | null; data?: any }> {
  let value: unknown;
  try {
    value = await run();
  } catch (thrown) {
    value = thrown;
  }
  if (value instanceof Response) return { status: value.status, location: value.headers.get("location") };
  if (value && typeof value === "object" && (value as any).type === "DataWithResponseInit") {
    return { status: (value as any).init?.status ?? 200, data: (value as any).data };
  }
  return { status: 200, data: value };
}

let coordinator: string, analyst: string, outsider: string, coordinatorId: string;
let consultationId: string, round1: string, round2: string, closedRound: string;
let sectionA: string, sectionB: string, sectionA2: string, sectionC2: string;
let responseLao: string, responseMne: string, invitationLao: string;

const questions = (roundId: string) => `/consultations/${consultationId}/rounds/${roundId}/questions`;
const params = (roundId: string, questionId?: string) => ({ consultationId, roundId, ...(questionId ? { questionId } : {}) });

const add = (roundId: string, fields: Record<string, string | string[]>, cookie = coordinator) =>
  outcome(() => newAction({ request: post(`${questions(roundId)}/new`, cookie, fields), params: params(roundId), context }));
const edit = (roundId: string, questionId: string, fields: Record<string, string | string[]>, cookie = coordinator) =>
  outcome(() => editAction({ request: post(`${questions(roundId)}/${questionId}`, cookie, fields), params: params(roundId, questionId), context }));
const onIndex = (roundId: string, fields: Record<string, string | string[]>, cookie = coordinator) =>
  outcome(() => indexAction({ request: post(questions(roundId), cookie, fields), params: params(roundId), context }));
const get = (roundId: string, suffix = "", cookie = coordinator) =>
  outcome(() => indexLoader({ request: new Request(`${BASE}${questions(roundId)}${suffix}`, { headers: { cookie } }), params: params(roundId), context }));
const getQuestion = (roundId: string, questionId: string, cookie = coordinator) =>
  outcome(() => editLoader({ request: new Request(`${BASE}${questions(roundId)}/${questionId}`, { headers: { cookie } }), params: params(roundId, questionId), context }));

const idFrom = (location: string | null | undefined) => location!.split("#q-")[1]!;

async function answer(responseId: string, questionId: string, value: { choices?: string[]; text?: string }) {
  await db().answer.create({ data: { responseId, questionId, choices: value.choices ?? [], text: value.text ?? null } });
}

beforeAll(async () => {
  const [c, a, o] = await Promise.all(
    ["lead@example.org", "reader@example.org", "elsewhere@example.org"].map((email) => db().user.create({ data: { email, name: email.split("@")[0]! } })),
  );
  coordinatorId = c!.id;
  const consultation = await db().consultation.create({
    data: {
      slug: "guidance",
      title: "Guidance",
      languages: ["en", "fr"],
      members: { create: [{ userId: c!.id, role: "COORDINATOR" }, { userId: a!.id, role: "ANALYST" }] },
    },
  });
  consultationId = consultation.id;
  await db().consultation.create({ data: { slug: "other", title: "Other", members: { create: { userId: o!.id, role: "COORDINATOR" } } } });

  const v1 = await db().documentVersion.create({
    data: {
      consultationId,
      number: 1,
      title: "First draft",
      sections: {
        create: [
          { key: "scope", position: 1, heading: "Scope", body: "The scope." },
          { key: "data", position: 2, heading: "Data collection", body: "Collect data." },
          { key: "funding", position: 3, heading: "Funding", body: "Fund it.", translations: { fr: { heading: "Financement", body: "Financez." } } },
        ],
      },
    },
    include: { sections: true },
  });
  const v2 = await db().documentVersion.create({
    data: {
      consultationId,
      number: 2,
      title: "Second draft",
      sections: {
        create: [
          { key: "scope", position: 1, heading: "Purpose and scope", body: "The scope, revised." },
          { key: "funding", position: 2, heading: "Funding", body: "Fund it well." },
        ],
      },
    },
    include: { sections: true },
  });
  sectionA = v1.sections.find((s) => s.key === "scope")!.id;
  sectionB = v1.sections.find((s) => s.key === "data")!.id;
  sectionA2 = v2.sections.find((s) => s.key === "scope")!.id;
  sectionC2 = v2.sections.find((s) => s.key === "funding")!.id;

  round1 = (await db().round.create({ data: { consultationId, versionId: v1.id, number: 1, title: "First call", status: "OPEN" } })).id;
  round2 = (await db().round.create({ data: { consultationId, versionId: v2.id, number: 2, title: "Second call", status: "DRAFT" } })).id;
  closedRound = (await db().round.create({ data: { consultationId, versionId: v1.id, number: 3, title: "Old call", status: "CLOSED" } })).id;

  const type = await db().stakeholderType.create({ data: { key: "affected-state", label: "Affected State Party", position: 1 } });
  const [lao, mne] = await Promise.all(
    ["Lao PDR", "Montenegro"].map((name) => db().organisation.create({ data: { name, typeId: type.id } })),
  );
  invitationLao = (await db().invitation.create({ data: { roundId: round1, organisationId: lao!.id } })).id;
  responseLao = (await db().response.create({ data: { roundId: round1, organisationId: lao!.id } })).id;
  responseMne = (await db().response.create({ data: { roundId: round1, organisationId: mne!.id, status: "SUBMITTED" } })).id;

  coordinator = await cookieFor(c!.id);
  analyst = await cookieFor(a!.id);
  outsider = await cookieFor(o!.id);
});

describe("adding questions", () => {
  it("adds a multiple-choice question with stable option ids and a French translation, audited", async () => {
    const result = await add(round2, {
      type: "MULTIPLE_CHOICE",
      sectionId: "",
      prompt: "Which parts of the guidance do you use?",
      help: "Choose all that apply.",
      required: "yes",
      options: "Data collection\nFunding\r\nFunding plans\n\n",
      t_fr_prompt: "Quelles parties des orientations utilisez-vous ?",
      t_fr_help: "",
      t_fr_options: "Collecte de données\nFinancement\nPlans de financement",
    });
    expect(result.status).toBe(302);
    expect(result.location).toMatch(new RegExp(`^${questions(round2)}\\?done=added#q-`));
    const q = await db().question.findUniqueOrThrow({ where: { id: idFrom(result.location) } });
    expect(q).toMatchObject({ type: "MULTIPLE_CHOICE", sectionId: null, required: true, position: 1, help: "Choose all that apply." });
    expect(q.options).toEqual([
      { id: "data-collection", label: "Data collection" },
      { id: "funding", label: "Funding" },
      { id: "funding-plans", label: "Funding plans" },
    ]);
    expect(q.translations).toEqual({
      fr: {
        prompt: "Quelles parties des orientations utilisez-vous ?",
        options: { "data-collection": "Collecte de données", funding: "Financement", "funding-plans": "Plans de financement" },
      },
    });
    expect(await db().auditEvent.count({ where: { consultationId, action: "questionnaire.question-added", entityId: q.id } })).toBe(1);
  });

  it("stores the fixed option sets and their translations for an agreement question on a section", async () => {
    const result = await add(round2, { type: "AGREEMENT", sectionId: sectionA2, prompt: "The scope is clear.", t_fr_prompt: "Le champ est clair.", options: "ignored\nfor this type" });
    expect(result.status).toBe(302);
    const q = await db().question.findUniqueOrThrow({ where: { id: idFrom(result.location) } });
    expect(q.sectionId).toBe(sectionA2);
    expect((q.options as Array<{ id: string }>).map((o) => o.id)).toContain("dont-know");
    expect((q.translations as any).fr.options.agree).toBe("D'accord");
  });

  it("refuses bad input with errors tied to the fields and keeps what was typed", async () => {
    const one = await add(round2, { type: "SINGLE_CHOICE", prompt: "  ", options: "Only one", t_fr_options: "Un\nDeux" });
    expect(one.status).toBe(400);
    expect(Object.keys(one.data.errors).sort()).toEqual(["options", "prompt", "t_fr_options"]);
    expect(one.data.values.options).toBe("Only one");
    const duplicate = await add(round2, { type: "SINGLE_CHOICE", prompt: "Pick", options: "Yes\nyes" });
    expect(duplicate.data.errors.options).toMatch(/twice/);
    const noType = await add(round2, { prompt: "What?" });
    expect(noType.data.errors.type).toBeTruthy();
    // A section of another draft than the round's.
    const elsewhere = await add(round2, { type: "LONG_TEXT", prompt: "Comments?", sectionId: sectionB });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.data.errors.sectionId).toBeTruthy();
  });

  it("refuses changes to a closed round", async () => {
    const result = await add(closedRound, { type: "LONG_TEXT", prompt: "Late question" });
    expect(result.status).toBe(409);
    expect(result.data.errors.form).toMatch(/closed/);
    expect((await outcome(() => newLoader({ request: new Request(`${BASE}${questions(closedRound)}/new`, { headers: { cookie: coordinator } }), params: params(closedRound), context }))).data.lock).toMatch(/closed/);
  });
});

describe("editing and reordering without answers", () => {
  it("edits in place, even a change of type, and audits what changed", async () => {
    const created = idFrom((await add(round2, { type: "SHORT_TEXT", sectionId: sectionA2, prompt: "Your role?" })).location);
    const result = await edit(round2, created, { intent: "save", type: "LONG_TEXT", sectionId: sectionA2, prompt: "Your role, in a few words?" });
    expect(result.status).toBe(302);
    expect(result.location).toContain("done=edited");
    expect(await db().question.findUniqueOrThrow({ where: { id: created } })).toMatchObject({ type: "LONG_TEXT", prompt: "Your role, in a few words?", retiredAt: null });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "questionnaire.question-edited", entityId: created } });
    expect((event.data as { changed: string[] }).changed).toEqual(expect.arrayContaining(["type", "prompt"]));
    const same = await edit(round2, created, { type: "LONG_TEXT", sectionId: sectionA2, prompt: "Your role, in a few words?" });
    expect(same.location).toContain("done=unchanged");
  });

  it("moves a question within its section only, and audits it", async () => {
    const before = await get(round2);
    const scope = before.data.groups.find((g: any) => g.sectionId === sectionA2).questions.map((q: any) => q.id);
    expect(scope).toHaveLength(2);
    const down = await onIndex(round2, { intent: "move-down", questionId: scope[0] });
    expect(down.status).toBe(302);
    const after = await get(round2);
    expect(after.data.groups.find((g: any) => g.sectionId === sectionA2).questions.map((q: any) => q.id)).toEqual([scope[1], scope[0]]);
    // The last of its section stays where it is: it does not jump into the next section.
    await onIndex(round2, { intent: "move-down", questionId: scope[0] });
    expect((await get(round2)).data.groups.find((g: any) => g.sectionId === sectionA2).questions.map((q: any) => q.id)).toEqual([scope[1], scope[0]]);
    expect(await db().auditEvent.count({ where: { consultationId, action: "questionnaire.questions-reordered" } })).toBe(1);
  });

  it("deletes a question nobody answered, audited", async () => {
    const created = idFrom((await add(round2, { type: "YES_NO", prompt: "Temporary?" })).location);
    const result = await edit(round2, created, { intent: "delete" });
    expect(result.status).toBe(302);
    expect(await db().question.findUnique({ where: { id: created } })).toBeNull();
    expect(await db().auditEvent.count({ where: { action: "questionnaire.question-deleted", entityId: created } })).toBe(1);
  });
});

describe("editing a question that has answers", () => {
  let choice: string, agreement: string;

  beforeAll(async () => {
    choice = idFrom(
      (await add(round1, { type: "SINGLE_CHOICE", sectionId: sectionA, prompt: "How ofen do you use the guidance?", options: "Often\nSometims\nNever" })).location,
    );
    agreement = idFrom((await add(round1, { type: "AGREEMENT", sectionId: sectionB, prompt: "Data should be disaggregated.", required: "yes" })).location);
    await answer(responseLao, choice, { choices: ["sometims"] });
    await answer(responseMne, choice, { choices: ["often"] });
    await answer(responseLao, agreement, { choices: ["agree"] });
    // An empty save is not an answer.
    await answer(responseMne, agreement, {});
  });

  it("shows how many organisations answered, and warns", async () => {
    const page = await getQuestion(round1, choice);
    expect(page.data.answerCount).toBe(2);
    expect(page.data.values.options).toBe("Often\nSometims\nNever");
    expect((await getQuestion(round1, agreement)).data.answerCount).toBe(1);
  });

  it("keeps the question and its answers on a wording fix, option spelling included", async () => {
    const result = await edit(round1, choice, {
      intent: "save",
      type: "SINGLE_CHOICE",
      sectionId: sectionA,
      prompt: "How often do you use the guidance?",
      options: "Often\nSometimes\nNever",
      required: "yes",
      t_fr_prompt: "À quelle fréquence utilisez-vous les orientations ?",
      t_fr_options: "Souvent\nParfois\nJamais",
    });
    expect(result.location).toContain("done=edited");
    const q = await db().question.findUniqueOrThrow({ where: { id: choice }, include: { answers: true } });
    expect(q.retiredAt).toBeNull();
    expect(q.prompt).toBe("How often do you use the guidance?");
    expect(q.options).toEqual([
      { id: "often", label: "Often" },
      { id: "sometims", label: "Sometimes" },
      { id: "never", label: "Never" },
    ]);
    expect(q.answers.map((a) => a.choices[0]).sort()).toEqual(["often", "sometims"]);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "questionnaire.question-edited", entityId: choice } });
    expect(event.data).toMatchObject({ answers: 2, relabelled: [{ id: "sometims", from: "Sometims", to: "Sometimes" }] });
    // Reordering options is a wording change too.
    const reordered = await edit(round1, choice, { type: "SINGLE_CHOICE", sectionId: sectionA, prompt: q.prompt, options: "Never\nSometimes\nOften", required: "yes" });
    expect(reordered.location).toContain("done=edited");
    expect((await db().question.findUniqueOrThrow({ where: { id: choice } })).retiredAt).toBeNull();
  });

  it("retires the question on a change of type and starts a new one; the old answers stay readable", async () => {
    const result = await edit(round1, agreement, { type: "YES_NO", sectionId: sectionB, prompt: "Should data be disaggregated?", required: "yes" });
    expect(result.location).toContain("done=replaced");
    const replacement = idFrom(result.location);
    expect(replacement).not.toBe(agreement);
    const old = await db().question.findUniqueOrThrow({ where: { id: agreement }, include: { answers: true, replacedBy: true, round: true } });
    expect(old.retiredAt).not.toBeNull();
    expect(old.type).toBe("AGREEMENT");
    expect(old.replacedBy?.id).toBe(replacement);
    expect(old.answers.map((a) => a.choices)).toContainEqual(["agree"]);
    const fresh = await db().question.findUniqueOrThrow({ where: { id: replacement } });
    expect(fresh).toMatchObject({ type: "YES_NO", position: old.position, replacesId: agreement, sectionId: sectionB });

    const respondent = await loadRespondentRound(invitationLao);
    const ids = respondent.sections.flatMap((s) => s.questions.map((q) => q.id));
    expect(ids).toContain(replacement);
    expect(ids).not.toContain(agreement);
    // The consultation's overview counts the questions respondents answer: not the retired one.
    const overview = await consultationOverview(old.round.consultationId);
    expect(overview.rounds.find((r) => r.id === round1)!._count.questions).toBe(ids.length);

    const index = await get(round1);
    expect(index.data.retired).toEqual([expect.objectContaining({ id: agreement, answers: 1 })]);
    const retiredPage = await getQuestion(round1, agreement);
    expect(retiredPage.data.canEdit).toBe(false);
    expect(retiredPage.data.answers).toEqual([{ organisation: "Lao PDR", status: "DRAFT", answer: "Agree" }]);
    expect(await db().auditEvent.count({ where: { action: "questionnaire.question-retired", entityId: agreement } })).toBe(1);
    // A retired question cannot be edited any more.
    const again = await edit(round1, agreement, { type: "LONG_TEXT", prompt: "Anything" });
    expect(again.status).toBe(409);
  });

  it("retires the question when an option is removed or added", async () => {
    const removed = await edit(round1, choice, { type: "SINGLE_CHOICE", sectionId: sectionA, prompt: "How often do you use the guidance?", options: "Often\nNever", required: "yes" });
    expect(removed.location).toContain("done=replaced");
    const next = idFrom(removed.location);
    expect((await db().question.findUniqueOrThrow({ where: { id: choice } })).retiredAt).not.toBeNull();
    const fresh = await db().question.findUniqueOrThrow({ where: { id: next } });
    expect(fresh.options).toEqual([
      { id: "often", label: "Often" },
      { id: "never", label: "Never" },
    ]);
    expect(await db().answer.count({ where: { questionId: choice } })).toBe(2);

    await answer(responseLao, next, { choices: ["never"] });
    const added = await edit(round1, next, { type: "SINGLE_CHOICE", sectionId: sectionA, prompt: fresh.prompt, options: "Often\nNever\nDon't know" });
    expect(added.location).toContain("done=replaced");
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "questionnaire.question-retired", entityId: next } });
    expect(event.data).toMatchObject({ reasons: ["options"], answers: 1 });
  });

  it("refuses to delete a question with answers, and retires it on request", async () => {
    const text = idFrom((await add(round1, { type: "LONG_TEXT", sectionId: sectionA, prompt: "Comments on the scope?" })).location);
    await answer(responseMne, text, { text: "Please name survivors." });
    const refused = await edit(round1, text, { intent: "delete" });
    expect(refused.status).toBe(409);
    expect(refused.data.errors.form).toMatch(/1 organisation has answered/);
    expect(await db().question.findUnique({ where: { id: text } })).not.toBeNull();

    const retired = await edit(round1, text, { intent: "retire" });
    expect(retired.location).toContain("done=retired");
    expect((await db().question.findUniqueOrThrow({ where: { id: text } })).retiredAt).not.toBeNull();
    expect(await db().answer.count({ where: { questionId: text } })).toBe(1);
  });

  it("starts a new question when the coordinator says the meaning changes", async () => {
    const text = idFrom((await add(round1, { type: "SHORT_TEXT", prompt: "Your ministry?" })).location);
    await answer(responseLao, text, { text: "Health" });
    const result = await edit(round1, text, { type: "SHORT_TEXT", prompt: "Your lead ministry?", startNew: "yes" });
    expect(result.location).toContain("done=replaced");
    expect((await db().question.findUniqueOrThrow({ where: { id: text } })).prompt).toBe("Your ministry?");
  });
});

describe("preview", () => {
  it("shows a section's questions as the respondent sees them, translated where possible", async () => {
    const load = (query: string) =>
      outcome(() => previewLoader({ request: new Request(`${BASE}${questions(round1)}/preview${query}`, { headers: { cookie: analyst } }), params: params(round1), context }));
    const english = await load("?section=scope");
    expect(english.data.section.heading).toBe("Scope");
    expect(english.data.questions.map((q: any) => q.prompt)).toContain("How often do you use the guidance?");
    const french = await load("?section=scope&lang=fr");
    const often = french.data.questions.find((q: any) => q.prompt === "À quelle fréquence utilisez-vous les orientations ?");
    expect(often).toBeUndefined(); // that version was retired; its replacement has no translation
    expect(french.data.untranslated).toBeGreaterThan(0);
    const funding = await load("?section=funding&lang=fr");
    expect(funding.data.section.heading).toBe("Financement");
    const yesNo = (await load("?section=data&lang=fr")).data.questions[0];
    expect(yesNo.options.map((o: any) => o.label)).toEqual(["Oui", "Non"]);
    // An unknown language falls back to the original.
    expect((await load("?lang=xx")).data.language).toBe("en");
  });
});

describe("copying a questionnaire from another round", () => {
  it("maps questions by section key and keeps those whose section is gone as whole-document questions", async () => {
    const before = await db().question.count({ where: { roundId: round2 } });
    const active = await db().question.findMany({ where: { roundId: round1, retiredAt: null }, include: { section: true } });
    const result = await onIndex(round2, { intent: "copy", fromRoundId: round1 });
    expect(result.status).toBe(302);
    const copies = await db().question.findMany({ where: { roundId: round2 }, orderBy: { position: "asc" } });
    expect(copies).toHaveLength(before + active.length);
    const copied = copies.slice(before);
    // Scope exists in both drafts (same key, new heading): attached to the new draft's section.
    expect(copied.filter((q) => q.sectionId === sectionA2)).toHaveLength(active.filter((q) => q.section?.key === "scope").length);
    expect(copied.every((q) => q.sectionId === null || q.sectionId === sectionA2 || q.sectionId === sectionC2)).toBe(true);
    // Data collection is gone from the second draft: its question is now about the whole document.
    const orphan = copied.find((q) => q.prompt === "Should data be disaggregated?");
    expect(orphan?.sectionId).toBeNull();
    expect(copied.some((q) => q.retiredAt)).toBe(false);

    const page = await get(round2, `?${result.location!.split("?")[1]}`);
    expect(page.data.copied).toMatchObject({ fromRound: "First call", copied: active.length });
    expect(page.data.copied.orphaned).toEqual([expect.objectContaining({ questionId: orphan!.id, section: "Data collection" })]);
    expect(await db().auditEvent.count({ where: { consultationId, action: "questionnaire.copied", entityId: round2 } })).toBe(1);
  });

  it("never doubles the questionnaire: a second copy, even at the same moment, adds only what is missing", async () => {
    const count = () => db().question.count({ where: { roundId: round2, retiredAt: null } });
    const before = await count();
    const active = await db().question.count({ where: { roundId: round1, retiredAt: null } });
    const [a, b] = await Promise.all([onIndex(round2, { intent: "copy", fromRoundId: round1 }), onIndex(round2, { intent: "copy", fromRoundId: round1 })]);
    expect([a.status, b.status]).toEqual([302, 302]);
    expect(await count()).toBe(before);
    const page = await get(round2, `?${a.location!.split("?")[1]}`);
    expect(page.data.copied).toMatchObject({ copied: 0, alreadyHere: active });

    // One deleted since comes back, and only once though two copies race for it.
    const gone = await db().question.findFirstOrThrow({ where: { roundId: round2, retiredAt: null, prompt: "Should data be disaggregated?" } });
    expect((await edit(round2, gone.id, { intent: "delete" })).status).toBe(302);
    const raced = await Promise.all([onIndex(round2, { intent: "copy", fromRoundId: round1 }), onIndex(round2, { intent: "copy", fromRoundId: round1 })]);
    const reports = await Promise.all(raced.map(async (r) => (await get(round2, `?${r.location!.split("?")[1]}`)).data.copied.copied));
    expect(reports.sort()).toEqual([0, 1]);
    expect(await count()).toBe(before);
  });

  it("offers only other rounds that have questions, and refuses a round of another consultation", async () => {
    const page = await get(round2);
    expect(page.data.sources.map((s: any) => s.id)).toEqual([round1]);
    const refused = await onIndex(round2, { intent: "copy", fromRoundId: "not-a-round" });
    expect(refused.status).toBe(400);
    expect(refused.data.errors.fromRoundId).toBeTruthy();
  });
});

describe("who may change the questionnaire", () => {
  it("lets an analyst read but not change", async () => {
    const page = await get(round1, "", analyst);
    expect(page.status).toBe(200);
    expect(page.data.canEdit).toBe(false);
    const q = page.data.groups.flatMap((g: any) => g.questions)[0];
    expect((await onIndex(round1, { intent: "move-down", questionId: q.id }, analyst)).status).toBe(403);
    expect((await add(round1, { type: "LONG_TEXT", prompt: "Sneaky" }, analyst)).status).toBe(403);
    expect((await edit(round1, q.id, { intent: "delete" }, analyst)).status).toBe(403);
    expect((await getQuestion(round1, q.id, analyst)).data.canEdit).toBe(false);
  });

  it("hides everything from a coordinator of another consultation (404)", async () => {
    const q = await db().question.findFirstOrThrow({ where: { roundId: round1, retiredAt: null } });
    expect((await get(round1, "", outsider)).status).toBe(404);
    expect((await getQuestion(round1, q.id, outsider)).status).toBe(404);
    expect((await add(round1, { type: "LONG_TEXT", prompt: "Sneaky" }, outsider)).status).toBe(404);
    expect((await edit(round1, q.id, { intent: "delete" }, outsider)).status).toBe(404);
  });

  it("does not reach a question through another round's URL", async () => {
    const q = await db().question.findFirstOrThrow({ where: { roundId: round1, retiredAt: null } });
    expect((await getQuestion(round2, q.id)).status).toBe(404);
    expect((await edit(round2, q.id, { intent: "delete" })).status).toBe(404);
  });

  it("leaves an audit entry for every change, by the coordinator", async () => {
    const events = await db().auditEvent.findMany({ where: { consultationId, action: { startsWith: "questionnaire." } } });
    expect(new Set(events.map((e) => e.action))).toEqual(
      new Set([
        "questionnaire.question-added",
        "questionnaire.question-edited",
        "questionnaire.question-retired",
        "questionnaire.question-deleted",
        "questionnaire.questions-reordered",
        "questionnaire.copied",
      ]),
    );
    expect(events.every((e) => e.actorId === coordinatorId)).toBe(true);
  });
});
