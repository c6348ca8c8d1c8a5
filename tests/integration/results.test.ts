/**
 * Aggregated results (issue 5, items 1 and 2) on a small data set built by hand, so every
 * count is known: per question and stakeholder type, with each filter (type, country,
 * language, survivor-led), unknown filter values (named and ignored, never a 500), the
 * results page's loader, and the response rates of the tracking page.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ResponseStatus } from "~/generated/prisma/client";
import { NO_FILTER, readResultsFilter, resultCounts, resultsFacets, type ResultCount, type ResultsFilter } from "~/modules/analysis/results.server";
import { db } from "~/modules/db/client.server";
import { responseRates } from "~/modules/round/response-rates.server";
import { loader as resultsLoader } from "~/routes/consultations.$consultationId.rounds.$roundId.results";
import { consultationWithRound } from "./round-fixture";
import { context, cookieFor, get, outcome, type Outcome } from "./route-helpers";

let consultationId: string, roundId: string, coordinator: string, stranger: string;
const q = { agreement: "", single: "", multiple: "", text: "", yesNo: "", document: "" };

type Org = { type: string; country: string | null; languages: string[]; survivorLed: boolean };
const ORGANISATIONS: Record<string, Org> = {
  Laos: { type: "state", country: "LA", languages: ["en", "fr"], survivorLed: false },
  Iraq: { type: "state", country: "IQ", languages: ["ar"], survivorLed: false },
  Chad: { type: "state", country: "TD", languages: ["fr"], survivorLed: false },
  "Survivors Laos": { type: "survivor", country: "LA", languages: ["en"], survivorLed: true },
  "Survivors Iraq": { type: "survivor", country: "IQ", languages: ["ar"], survivorLed: true },
  "Disability NGO": { type: "ngo", country: "LA", languages: ["en"], survivorLed: false },
  "Global NGO": { type: "ngo", country: null, languages: ["en", "es"], survivorLed: false },
  "Draft NGO": { type: "ngo", country: "TD", languages: ["fr"], survivorLed: false },
  "Withdrawn NGO": { type: "ngo", country: "IQ", languages: ["ar"], survivorLed: true },
  "Silent State": { type: "state", country: "AL", languages: ["en"], survivorLed: false },
};

type Given = { agreement?: string; single?: string; multiple?: string[]; text?: string; yesNo?: string; document?: string };
/** Only SUBMITTED responses count; "Silent State" is invited and never answers. */
const RESPONSES: Array<{ org: string; status: ResponseStatus; answers: Given }> = [
  { org: "Laos", status: "SUBMITTED", answers: { agreement: "agree", single: "plan", multiple: ["medical", "rehab"], text: "Add a budget.", yesNo: "yes", document: "Good." } },
  { org: "Iraq", status: "SUBMITTED", answers: { agreement: "strongly-agree", single: "plan", multiple: ["medical"], text: "  \n ", yesNo: "yes" } },
  { org: "Chad", status: "SUBMITTED", answers: { agreement: "disagree", single: "none", multiple: [], yesNo: "no" } },
  { org: "Survivors Laos", status: "SUBMITTED", answers: { agreement: "disagree", single: "none", multiple: ["rehab", "peer"], text: "Peer support is missing.", yesNo: "no" } },
  { org: "Survivors Iraq", status: "SUBMITTED", answers: { agreement: "strongly-disagree", multiple: ["peer"], text: "Pay survivors for their time.", yesNo: "yes" } },
  { org: "Disability NGO", status: "SUBMITTED", answers: { agreement: "agree", single: "plan", multiple: ["medical", "rehab", "peer"], text: "Cite the CRPD." } },
  { org: "Global NGO", status: "SUBMITTED", answers: { agreement: "dont-know", single: "other", text: "" } },
  { org: "Draft NGO", status: "DRAFT", answers: { agreement: "agree", single: "plan", multiple: ["medical"], text: "Still drafting." } },
  { org: "Withdrawn NGO", status: "WITHDRAWN", answers: { agreement: "strongly-agree", single: "plan", multiple: ["peer"], text: "Withdrawn." } },
];

beforeAll(async () => {
  const lead = await db().user.create({ data: { email: "lead@results.test", name: "Lead" } });
  const other = await db().user.create({ data: { email: "other@results.test", name: "Other" } });
  const { consultation, round, scope, services } = await consultationWithRound({
    slug: "results",
    title: "Results test",
    members: [{ userId: lead.id, role: "COORDINATOR" }],
    round: { status: "OPEN" },
  });
  consultationId = consultation.id;
  roundId = round.id;
  coordinator = await cookieFor(lead.id);
  stranger = await cookieFor(other.id);
  const question = async (data: { sectionId: string | null; position: number; type: "AGREEMENT" | "SINGLE_CHOICE" | "MULTIPLE_CHOICE" | "LONG_TEXT" | "YES_NO"; options?: Array<{ id: string; label: string }> }) =>
    (await db().question.create({ data: { roundId, prompt: `Question ${data.position}`, ...data, options: data.options ?? [] } })).id;
  q.agreement = await question({ sectionId: scope.id, position: 1, type: "AGREEMENT" });
  q.single = await question({
    sectionId: scope.id,
    position: 2,
    type: "SINGLE_CHOICE",
    options: [
      { id: "plan", label: "A national plan" },
      { id: "none", label: "Nothing yet" },
      { id: "other", label: "Something else" },
    ],
  });
  q.multiple = await question({
    sectionId: scope.id,
    position: 3,
    type: "MULTIPLE_CHOICE",
    options: [
      { id: "medical", label: "Medical care" },
      { id: "rehab", label: "Rehabilitation" },
      { id: "peer", label: "Peer support" },
    ],
  });
  q.text = await question({ sectionId: scope.id, position: 4, type: "LONG_TEXT" });
  q.yesNo = await question({ sectionId: services.id, position: 5, type: "YES_NO" });
  q.document = await question({ sectionId: null, position: 6, type: "LONG_TEXT" });

  const types = new Map<string, string>();
  for (const [position, key] of ["state", "survivor", "ngo", "unused"].entries()) {
    types.set(key, (await db().stakeholderType.create({ data: { key, label: `Type ${key}`, position } })).id);
  }
  const orgs = new Map<string, string>();
  for (const [name, o] of Object.entries(ORGANISATIONS)) {
    const org = await db().organisation.create({ data: { name, typeId: types.get(o.type)!, country: o.country, languages: o.languages, survivorLed: o.survivorLed } });
    orgs.set(name, org.id);
    await db().invitation.create({ data: { roundId, organisationId: org.id } });
  }
  for (const r of RESPONSES) {
    const response = await db().response.create({
      data: { roundId, organisationId: orgs.get(r.org)!, status: r.status, submittedAt: r.status === "DRAFT" ? null : new Date() },
    });
    const a = r.answers;
    const rows: Array<{ questionId: string; choices?: string[]; text?: string }> = [];
    if (a.agreement !== undefined) rows.push({ questionId: q.agreement, choices: [a.agreement] });
    if (a.single !== undefined) rows.push({ questionId: q.single, choices: [a.single] });
    if (a.multiple !== undefined) rows.push({ questionId: q.multiple, choices: a.multiple });
    if (a.text !== undefined) rows.push({ questionId: q.text, text: a.text });
    if (a.yesNo !== undefined) rows.push({ questionId: q.yesNo, choices: [a.yesNo] });
    if (a.document !== undefined) rows.push({ questionId: q.document, text: a.document });
    await db().answer.createMany({ data: rows.map((row) => ({ responseId: response.id, ...row })) });
  }
});

const SCOPE = () => [
  { id: q.agreement, type: "AGREEMENT" as const },
  { id: q.single, type: "SINGLE_CHOICE" as const },
  { id: q.multiple, type: "MULTIPLE_CHOICE" as const },
  { id: q.text, type: "LONG_TEXT" as const },
];

async function counts(filter: Partial<ResultsFilter> = {}) {
  const facets = await resultsFacets(roundId);
  return resultCounts(roundId, SCOPE(), { ...NO_FILTER, ...filter }, facets);
}

/** Counts as "question/option/type" → n, with "respondents" and "answered" for the nulls. */
function table(rows: ResultCount[]) {
  const name = (id: string | null) => Object.entries(q).find(([, v]) => v === id)?.[0] ?? "respondents";
  return Object.fromEntries(
    rows
      .map((r) => [`${name(r.questionId)}/${r.questionId === null ? "-" : (r.option ?? "answered")}/${r.typeKey}`, r.count] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

describe("result counts by stakeholder type", () => {
  it("counts exactly, from submitted responses only", async () => {
    expect(table(await counts())).toEqual({
      // 3 states, 2 survivor organisations and 2 NGOs submitted; the draft and the withdrawn one do not count.
      "respondents/-/state": 3,
      "respondents/-/survivor": 2,
      "respondents/-/ngo": 2,
      "agreement/agree/state": 1,
      "agreement/strongly-agree/state": 1,
      "agreement/disagree/state": 1,
      "agreement/answered/state": 3,
      "agreement/disagree/survivor": 1,
      "agreement/strongly-disagree/survivor": 1,
      "agreement/answered/survivor": 2,
      "agreement/agree/ngo": 1,
      "agreement/dont-know/ngo": 1,
      "agreement/answered/ngo": 2,
      "single/plan/state": 2,
      "single/none/state": 1,
      "single/answered/state": 3,
      "single/none/survivor": 1,
      "single/answered/survivor": 1,
      "single/plan/ngo": 1,
      "single/other/ngo": 1,
      "single/answered/ngo": 2,
      // Each chosen option once; Chad chose nothing and did not answer.
      "multiple/medical/state": 2,
      "multiple/rehab/state": 1,
      "multiple/answered/state": 2,
      "multiple/rehab/survivor": 1,
      "multiple/peer/survivor": 2,
      "multiple/answered/survivor": 2,
      "multiple/medical/ngo": 1,
      "multiple/rehab/ngo": 1,
      "multiple/peer/ngo": 1,
      "multiple/answered/ngo": 1,
      // Written answers with more than whitespace: Iraq's blank and Global NGO's empty one do not count.
      "text/answered/state": 1,
      "text/answered/survivor": 2,
      "text/answered/ngo": 1,
    });
  });

  it("filters by stakeholder type (several at once)", async () => {
    const rows = table(await counts({ types: ["survivor", "ngo"] }));
    expect(Object.keys(rows).some((k) => k.endsWith("/state"))).toBe(false);
    expect(rows["respondents/-/survivor"]).toBe(2);
    expect(rows["agreement/agree/ngo"]).toBe(1);
    expect(table(await counts({ types: ["survivor"] }))).toMatchObject({ "respondents/-/survivor": 2, "multiple/peer/survivor": 2 });
  });

  it("filters by country", async () => {
    expect(table(await counts({ countries: ["LA"] }))).toEqual({
      "respondents/-/state": 1,
      "respondents/-/survivor": 1,
      "respondents/-/ngo": 1,
      "agreement/agree/state": 1,
      "agreement/answered/state": 1,
      "agreement/disagree/survivor": 1,
      "agreement/answered/survivor": 1,
      "agreement/agree/ngo": 1,
      "agreement/answered/ngo": 1,
      "single/plan/state": 1,
      "single/answered/state": 1,
      "single/none/survivor": 1,
      "single/answered/survivor": 1,
      "single/plan/ngo": 1,
      "single/answered/ngo": 1,
      "multiple/medical/state": 1,
      "multiple/rehab/state": 1,
      "multiple/answered/state": 1,
      "multiple/rehab/survivor": 1,
      "multiple/peer/survivor": 1,
      "multiple/answered/survivor": 1,
      "multiple/medical/ngo": 1,
      "multiple/rehab/ngo": 1,
      "multiple/peer/ngo": 1,
      "multiple/answered/ngo": 1,
      "text/answered/state": 1,
      "text/answered/survivor": 1,
      "text/answered/ngo": 1,
    });
    // Two countries: either one.
    expect(table(await counts({ countries: ["IQ", "TD"] }))).toMatchObject({ "respondents/-/state": 2, "respondents/-/survivor": 1 });
  });

  it("filters by language (an organisation working in any of them)", async () => {
    const fr = table(await counts({ languages: ["fr"] }));
    // Laos (en+fr) and Chad (fr) submitted; the French-speaking draft does not count.
    expect(Object.entries(fr).filter(([k]) => k.startsWith("respondents"))).toEqual([["respondents/-/state", 2]]);
    expect(fr["agreement/disagree/state"]).toBe(1);
    expect(fr["text/answered/state"]).toBe(1);
    const ar = table(await counts({ languages: ["ar"] }));
    expect(ar).toMatchObject({ "respondents/-/state": 1, "respondents/-/survivor": 1, "text/answered/survivor": 1 });
    expect(ar["text/answered/state"]).toBeUndefined(); // Iraq's answer is blank
  });

  it("filters by survivor-led, yes or no", async () => {
    const led = table(await counts({ survivorLed: true }));
    // The withdrawn survivor-led NGO does not count.
    expect(Object.entries(led).filter(([k]) => k.startsWith("respondents"))).toEqual([["respondents/-/survivor", 2]]);
    expect(led["agreement/strongly-disagree/survivor"]).toBe(1);
    const notLed = table(await counts({ survivorLed: false }));
    expect(notLed["respondents/-/survivor"]).toBeUndefined();
    expect(notLed).toMatchObject({ "respondents/-/state": 3, "respondents/-/ngo": 2 });
  });

  it("combines filters with AND, and an empty match is empty, not an error", async () => {
    expect(table(await counts({ types: ["state"], countries: ["IQ"], languages: ["ar"] }))).toMatchObject({ "respondents/-/state": 1, "agreement/strongly-agree/state": 1 });
    expect(await counts({ types: ["ngo"], survivorLed: true })).toEqual([]);
  });

  it("keeps other sections and rounds out", async () => {
    const facets = await resultsFacets(roundId);
    const services = table(await resultCounts(roundId, [{ id: q.yesNo, type: "YES_NO" }], NO_FILTER, facets));
    expect(services).toMatchObject({ "yesNo/yes/state": 2, "yesNo/no/state": 1, "yesNo/yes/survivor": 1, "yesNo/no/survivor": 1 });
    expect(Object.keys(services).some((k) => k.startsWith("agreement"))).toBe(false);
    expect(await resultCounts("no-such-round", SCOPE(), NO_FILTER, facets)).toEqual([]);
  });
});

describe("filter values from a query string", () => {
  it("offers the countries and languages of submitted responses only", async () => {
    const facets = await resultsFacets(roundId);
    expect(facets.countries).toEqual(["IQ", "LA", "TD"]); // not Albania (no response), not null
    expect(facets.languages).toEqual(["ar", "en", "es", "fr"]);
    expect(facets.types.map((t) => t.key)).toEqual(["state", "survivor", "ngo", "unused"]);
  });

  it("keeps known values, ignores unknown ones with a message each", async () => {
    const facets = await resultsFacets(roundId);
    const search = new URLSearchParams("type=ngo&type=martians&country=la&country=ZZ&language=fr&language=<script>&survivorLed=maybe");
    const { filter, problems } = readResultsFilter(search, facets);
    expect(filter).toEqual({ types: ["ngo"], countries: ["LA"], languages: ["fr"], survivorLed: null });
    expect(problems).toEqual([
      "There is no stakeholder type “martians”: that filter was ignored.",
      "No submitted response comes from a country “ZZ”: that filter was ignored.",
      "No responding organisation works in a language “<script>”: that filter was ignored.",
      "“Survivor-led” takes yes, no or any, not “maybe”: that filter was ignored.",
    ]);
    expect(readResultsFilter(new URLSearchParams("type=&country=&survivorLed=any"), facets)).toEqual({ filter: NO_FILTER, problems: [] });
    expect(readResultsFilter(new URLSearchParams("survivorLed=no"), facets).filter.survivorLed).toBe(false);
  });
});

describe("the results page", () => {
  const path = (query: string) => `/consultations/${consultationId}/rounds/${roundId}/results${query}`;
  const load = (query: string, cookie = coordinator) => outcome(() => resultsLoader({ request: get(path(query), cookie), params: { consultationId, roundId }, context }));

  it("lists the sections with questions, the document as a whole last", async () => {
    const page = await load("");
    expect(page.status).toBe(200);
    expect(page.data.sections).toEqual([
      { key: "scope", heading: "Scope", questions: 4 },
      { key: "services", heading: "Services", questions: 1 },
    ]);
    expect(page.data.wholeDocument).toEqual({ key: "whole-document", heading: "The document as a whole", questions: 1 });
    // The first section is shown until another is chosen.
    expect(page.data.section).toMatchObject({ key: "scope" });
    expect(page.data.questions).toHaveLength(4);
    expect(page.data.respondents).toBe(7);
  });

  it("shows a section's questions with counts per shown type and a text alternative", async () => {
    const page = await load("?section=scope");
    expect(page.data.types.map((t: { key: string }) => t.key)).toEqual(["state", "survivor", "ngo"]); // "unused" has no response
    const [agreement, single, multiple, text] = page.data.questions;
    expect(agreement.kind).toBe("agreement");
    // Options in scale order: strongly agree, agree, neutral, disagree, strongly disagree, don't know.
    expect(agreement.byType).toEqual([
      { answered: 3, counts: [1, 1, 0, 1, 0, 0] },
      { answered: 2, counts: [0, 0, 0, 1, 1, 0] },
      { answered: 2, counts: [0, 1, 0, 0, 0, 1] },
    ]);
    expect(agreement.summary).toContain("Type state (3 answers): 67% agree or strongly agree, 33% disagree or strongly disagree");
    expect(single.byType.map((t: { counts: number[] }) => t.counts)).toEqual([[2, 1, 0], [0, 1, 0], [1, 0, 1]]);
    expect(multiple.summary).toContain("Respondents could choose several options.");
    expect(text).toMatchObject({ kind: "text", answered: 4 });
    expect(text.summary).toBe("4 written answers. Type state: 1; Type survivor: 2; Type ngo: 1.");
  });

  it("applies the filters of the query string", async () => {
    const page = await load("?section=scope&type=survivor&survivorLed=yes");
    expect(page.data.filtered).toBe(true);
    expect(page.data.respondents).toBe(2);
    expect(page.data.types.map((t: { key: string }) => t.key)).toEqual(["survivor"]);
    expect(page.data.questions[0].byType).toEqual([{ answered: 2, counts: [0, 0, 0, 1, 1, 0] }]);
  });

  it("answers unknown filter values and sections with a message, not a 500", async () => {
    const page = await load("?section=nowhere&type=martians&country=%00%27;DROP&language=xx&survivorLed=perhaps");
    expect(page.status).toBe(200);
    expect(page.data.problems).toHaveLength(5);
    expect(page.data.problems[0]).toBe("This round has no section “nowhere” with questions: choose one from the contents.");
    expect(page.data.filtered).toBe(false);
    expect(page.data.respondents).toBe(7); // the unknown filters were ignored
    const ignored = await load("?section=scope&country=ZZ");
    expect(ignored.data.questions[0].answered).toBe(7);
  });

  it("is for the consultation's team only", async () => {
    expect((await load("?section=scope", stranger)).status).toBe(404);
    expect((await outcome(() => resultsLoader({ request: get(path("")), params: { consultationId, roundId }, context }))).status).toBe(302);
  });
});

describe("small groups for readers who do not see every name (decision 015)", () => {
  const path = (query: string) => `/consultations/${consultationId}/rounds/${roundId}/results${query}`;
  let analyst: string;
  beforeAll(async () => {
    const user = await db().user.create({ data: { email: "analyst@results.test", name: "Analyst" } });
    await db().consultationMember.create({ data: { consultationId, userId: user.id, role: "ANALYST" } });
    analyst = await cookieFor(user.id);
  });
  const load = (query: string, cookie: string) => outcome(() => resultsLoader({ request: get(path(query), cookie), params: { consultationId, roundId }, context }));
  const AGREEMENT = (page: Outcome) => page.data.questions[0].byType;

  it("shows an analyst no figures for a filtered set of fewer than 3 responses; a coordinator sees them", async () => {
    // Iraq: the State and Survivors Iraq (the withdrawn NGO does not count): 2 responses.
    const page = await load("?section=scope&country=IQ", analyst);
    expect(page.status).toBe(200);
    expect(page.data.respondents).toBe(2);
    expect(page.data.smallGroups).toEqual({ withheldAll: true, pooled: 0, leftOut: 0 });
    expect(page.data.types).toEqual([]);
    // Nothing of the two answers reaches the page's data: no counts, no summary of them.
    for (const question of page.data.questions) {
      expect(question).toMatchObject({ byType: [], answered: 0, summary: "Not shown: fewer than 3 submitted responses match these filters." });
    }
    const coordinatorPage = await load("?section=scope&country=IQ", coordinator);
    expect(coordinatorPage.data.smallGroups.withheldAll).toBe(false);
    expect(AGREEMENT(coordinatorPage)).toEqual([
      { answered: 1, counts: [1, 0, 0, 0, 0, 0] },
      { answered: 1, counts: [0, 0, 0, 0, 1, 0] },
    ]);
  });

  it("pools the types with fewer than 3 responses into one column when the pool reaches 3", async () => {
    // Laos: one State, one survivor organisation, one NGO.
    const page = await load("?section=scope&country=LA", analyst);
    expect(page.data.smallGroups).toEqual({ withheldAll: false, pooled: 3, leftOut: 0 });
    expect(page.data.types.map((t: { key: string; respondents: number }) => [t.key, t.respondents])).toEqual([["other-types", 3]]);
    expect(AGREEMENT(page)).toEqual([{ answered: 3, counts: [0, 2, 0, 1, 0, 0] }]);
    expect(page.data.questions[0].summary).toContain("All types together (fewer than 3 responses each) (3 answers): 67% agree");
  });

  it("leaves a small type out of every figure and total when its pool is small too", async () => {
    // Not survivor-led: 3 States, 2 NGOs.
    const page = await load("?section=scope&survivorLed=no", analyst);
    expect(page.data.respondents).toBe(5);
    expect(page.data.smallGroups).toEqual({ withheldAll: false, pooled: 0, leftOut: 2 });
    expect(page.data.types.map((t: { key: string }) => t.key)).toEqual(["state"]);
    const [agreement, , , text] = page.data.questions;
    expect(agreement).toMatchObject({ answered: 3, byType: [{ answered: 3, counts: [1, 1, 0, 1, 0, 0] }] });
    expect(text.summary).toBe("1 written answer. Type state: 1.");
    // The coordinator's view of the same filter has the NGOs' column.
    const coordinatorPage = await load("?section=scope&survivorLed=no", coordinator);
    expect(coordinatorPage.data.types.map((t: { key: string }) => t.key)).toEqual(["state", "ngo"]);
    expect(coordinatorPage.data.questions[0].answered).toBe(5);
  });

  it("also applies to a filter by type alone, and to the types of the round as a whole", async () => {
    const byType = await load("?section=scope&type=survivor", analyst);
    expect(byType.data.smallGroups.withheldAll).toBe(true);
    // 3 States, 2 survivor organisations, 2 NGOs: the two small types are pooled (4).
    const whole = await load("?section=scope", analyst);
    expect(whole.data.smallGroups).toEqual({ withheldAll: false, pooled: 4, leftOut: 0 });
    expect(whole.data.types.map((t: { key: string; label: string }) => [t.key, t.label])).toEqual([["state", "Type state"], ["other-types", "Other types (fewer than 3 responses each)"]]);
    expect(AGREEMENT(whole)).toEqual([
      { answered: 3, counts: [1, 1, 0, 1, 0, 0] },
      { answered: 4, counts: [0, 1, 0, 1, 1, 1] },
    ]);
    expect(whole.data.questions[0].answered).toBe(7);
    const coordinatorPage = await load("?section=scope", coordinator);
    expect(coordinatorPage.data.types.map((t: { key: string }) => t.key)).toEqual(["state", "survivor", "ngo"]);
  });

  it("shows an analyst nothing of a round with fewer than 3 submitted responses", async () => {
    const other = await consultationWithRound({ slug: "results-tiny", title: "Tiny", members: [], round: { status: "OPEN" } });
    const user = await db().user.findUniqueOrThrow({ where: { email: "analyst@results.test" } });
    await db().consultationMember.create({ data: { consultationId: other.consultation.id, userId: user.id, role: "ANALYST" } });
    const type = await db().stakeholderType.findFirstOrThrow({ where: { key: "state" } });
    const question = await db().question.create({ data: { roundId: other.round.id, sectionId: other.scope.id, prompt: "Agree?", position: 1, type: "AGREEMENT", options: [] } });
    const org = await db().organisation.create({ data: { name: "Lonely State", typeId: type.id } });
    const response = await db().response.create({ data: { roundId: other.round.id, organisationId: org.id, status: "SUBMITTED", submittedAt: new Date() } });
    await db().answer.create({ data: { responseId: response.id, questionId: question.id, choices: ["agree"] } });
    const page = await outcome(() =>
      resultsLoader({ request: get(`/consultations/${other.consultation.id}/rounds/${other.round.id}/results?section=scope`, analyst), params: { consultationId: other.consultation.id, roundId: other.round.id }, context }),
    );
    expect(page.data.respondents).toBe(1);
    expect(page.data.smallGroups.withheldAll).toBe(true);
    expect(page.data.questions[0]).toMatchObject({ byType: [], answered: 0, summary: "Not shown: fewer than 3 submitted responses so far." });
  });

});

describe("response rates", () => {
  it("counts invited organisations by state, per type and overall, in SQL", async () => {
    const chad = await db().invitationLink.findFirst({ where: { invitation: { roundId } } });
    expect(chad).toBeNull(); // no links in this data set: nobody "opened" yet
    const { overall, byType } = await responseRates(roundId);
    expect(overall).toEqual({ typeKey: null, typeLabel: "All types", invited: 10, invitedOnly: 1, opened: 0, drafting: 1, submitted: 7, withdrawn: 1, rate: 70 });
    expect(byType).toEqual([
      { typeKey: "state", typeLabel: "Type state", invited: 4, invitedOnly: 1, opened: 0, drafting: 0, submitted: 3, withdrawn: 0, rate: 75 },
      { typeKey: "survivor", typeLabel: "Type survivor", invited: 2, invitedOnly: 0, opened: 0, drafting: 0, submitted: 2, withdrawn: 0, rate: 100 },
      { typeKey: "ngo", typeLabel: "Type ngo", invited: 4, invitedOnly: 0, opened: 0, drafting: 1, submitted: 2, withdrawn: 1, rate: 50 },
    ]);
  });

  it("counts an opened link, and leaves revoked invitations out", async () => {
    const silent = await db().invitation.findFirstOrThrow({ where: { roundId, organisation: { name: "Silent State" } } });
    const user = await db().user.create({ data: { email: "silent@results.test", name: "Silent" } });
    const contact = await db().contact.create({ data: { organisationId: silent.organisationId, userId: user.id } });
    await db().invitationLink.create({ data: { invitationId: silent.id, contactId: contact.id, tokenHash: "h1", firstOpenedAt: new Date() } });
    expect((await responseRates(roundId)).byType[0]).toMatchObject({ typeKey: "state", invited: 4, invitedOnly: 0, opened: 1 });
    await db().invitation.update({ where: { id: silent.id }, data: { revokedAt: new Date() } });
    const after = await responseRates(roundId);
    expect(after.byType[0]).toMatchObject({ invited: 3, opened: 0, submitted: 3, rate: 100 });
    expect(after.overall).toMatchObject({ invited: 9, submitted: 7, rate: 78 });
  });

  it("gives zeros for a round without invitations", async () => {
    expect(await responseRates("no-such-round")).toEqual({
      overall: { typeKey: null, typeLabel: "All types", invited: 0, invitedOnly: 0, opened: 0, drafting: 0, submitted: 0, withdrawn: 0, rate: 0 },
      byType: [],
    });
  });
});

describe("a question replaced after answers came in", () => {
  it("keeps its answers on the results page, after the current questions, marked as replaced; the numbering follows the questionnaire", async () => {
    const load = (query: string) =>
      outcome(() => resultsLoader({ request: get(`/consultations/${consultationId}/rounds/${roundId}/results${query}`, coordinator), params: { consultationId, roundId }, context }));
    const before = await load("?section=scope");
    const old = await db().question.findUniqueOrThrow({ where: { id: q.agreement } });
    // As the questionnaire editor does on a change of type: retire it, a new question takes its place.
    await db().question.update({ where: { id: old.id }, data: { retiredAt: new Date() } });
    const replacement = await db().question.create({
      data: { roundId, sectionId: old.sectionId, position: old.position, type: "YES_NO", prompt: "Is the scope right?", required: false, replacesId: old.id },
    });
    try {
      const page = await load("?section=scope");
      expect(page.data.sections[0]).toEqual({ key: "scope", heading: "Scope", questions: 5 });
      const prompts = page.data.questions.map((x: { number: number | null; prompt: string }) => [x.number, x.prompt]);
      expect(prompts[0]).toEqual([1, "Is the scope right?"]);
      expect(prompts.at(-1)).toEqual([null, old.prompt]);
      const retired = page.data.questions.at(-1);
      expect(retired.byType).toEqual(before.data.questions[0].byType); // every earlier answer still counted
      expect(page.data.questions[0].answered).toBe(0);
    } finally {
      await db().question.delete({ where: { id: replacement.id } });
      await db().question.update({ where: { id: old.id }, data: { retiredAt: null } });
    }
  });
});
