/**
 * Saving a section, through the real route loader and action on a real database: save keys
 * make a replayed post store once; revisions turn a stale overwrite into a reported conflict;
 * a save after the session ended is stashed, offered back to the right person only and saved
 * (or discarded) by a POST, never on a GET; the autosave URL answers as JSON; a closed
 * round keeps the text and offers it as a download; bad input is refused and stores nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { fieldName, type FormQuestion } from "~/modules/questionnaire/questions";
import { loadRespondentRound, type RespondentSection } from "~/modules/response/respondent-round.server";
import { PAGE_ID, revName, seenName } from "~/modules/response/save-fields";
import { action as sectionAction, loader as sectionLoader } from "~/routes/respond.$invitationId.sections.$sectionKey";
import { action as autosaveAction } from "~/routes/respond.$invitationId.sections.$sectionKey_.autosave";
import { action as downloadAction } from "~/routes/respond.$invitationId.sections.$sectionKey_.download";
import { seedDemo } from "../../prisma/seed/demo";
import { context, cookieFor, cookieHeader, get, outcome, post } from "./route-helpers";

const KEY = "integrated-approach-principles";
let laoInvitation: string;
let chadInvitation: string;
let roundId: string;
let section: RespondentSection;
let wording: FormQuestion;
let comments: FormQuestion;
let agreement: FormQuestion;
const users = {} as Record<"submitter" | "contributor" | "chad", { id: string; name: string; cookie: string }>;

const path = (invitationId = laoInvitation) => `/respond/${invitationId}/sections/${KEY}`;
const save = (cookie: string | undefined, fields: Record<string, string | string[]>, invitationId = laoInvitation) =>
  outcome(() => sectionAction({ request: post(path(invitationId), fields, cookie), params: { invitationId, sectionKey: KEY }, context }));
const page = (cookie: string | undefined, invitationId = laoInvitation) =>
  outcome(() => sectionLoader({ request: get(path(invitationId), cookie), params: { invitationId, sectionKey: KEY }, context }));

async function answer(q: FormQuestion) {
  const response = await db().response.findFirst({ where: { roundId, organisation: { name: "Lao People's Democratic Republic" } } });
  return response ? db().answer.findUnique({ where: { responseId_questionId: { responseId: response.id, questionId: q.id } } }) : null;
}

async function user(email: string) {
  const u = await db().user.findUniqueOrThrow({ where: { email } });
  return { id: u.id, name: u.name, cookie: await cookieFor(u.id) };
}

beforeAll(async () => {
  await seedDemo(db(), { appUrl: "http://localhost:3000" });
  const round = await db().round.findFirstOrThrow({ where: { status: "OPEN" } });
  roundId = round.id;
  laoInvitation = (await db().invitation.findFirstOrThrow({ where: { roundId, organisation: { name: "Lao People's Democratic Republic" } } })).id;
  chadInvitation = (await db().invitation.findFirstOrThrow({ where: { roundId, organisation: { name: "Chad" } } })).id;
  section = (await loadRespondentRound(laoInvitation)).sections.find((s) => s.key === KEY)!;
  wording = section.questions.find((q) => q.type === "PROPOSED_WORDING")!;
  comments = section.questions.find((q) => q.type === "LONG_TEXT")!;
  agreement = section.questions.find((q) => q.type === "AGREEMENT")!;
  users.submitter = await user("focalpoint@laopdr.example");
  users.contributor = await user("va@nra.laopdr.example");
  users.chad = await user("pointfocal@hcnd.tchad.example");
});

describe("save keys", () => {
  it("a replayed save (double click, retried autosave) stores once and answers as the first did", async () => {
    const fields = { saveKey: "replay-key-0001", [fieldName(comments.id)]: "Stored once.", [revName(comments.id)]: "0" };
    const first = await save(users.contributor.cookie, fields);
    const second = await save(users.contributor.cookie, fields);
    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(second.location).toBe(first.location);
    const stored = await answer(comments);
    expect(stored).toMatchObject({ text: "Stored once.", revision: 1 });
    expect(await db().saveReceipt.count({ where: { key: "replay-key-0001" } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "response.answers-saved", entityId: stored!.responseId } })).toBe(1);

    const auto = { ...fields, intent: "autosave", saveKey: "replay-key-0002", [fieldName(comments.id)]: "Autosaved.", [revName(comments.id)]: "1" };
    const a = await save(users.contributor.cookie, auto);
    const b = await save(users.contributor.cookie, auto);
    expect(a.status).toBe(200);
    expect(a.data).toMatchObject({ kind: "saved", revisions: { [comments.id]: 2 } });
    expect(b.data).toEqual(a.data);
    expect(await answer(comments)).toMatchObject({ text: "Autosaved.", revision: 2 });
  });

  it("the same autosave arriving several times at once (retries racing the original) stores once; all answer alike", async () => {
    // Chad's response, so the Lao answers the next tests build on stay as they are.
    const chadSave = (fields: Record<string, string>) => save(users.chad.cookie, { intent: "autosave", ...fields }, chadInvitation);
    expect((await chadSave({ saveKey: "race-key-0000", [fieldName(comments.id)]: "First.", [revName(comments.id)]: "0" })).status).toBe(200);
    const raced = { saveKey: "race-key-0001", [fieldName(comments.id)]: "Raced.", [revName(comments.id)]: "1" };
    const [a, ...others] = await Promise.all(Array.from({ length: 6 }, () => chadSave(raced)));
    expect(a!.status).toBe(200);
    expect(a!.data).toMatchObject({ kind: "saved", revisions: { [comments.id]: 2 } });
    for (const other of others) expect(other).toEqual(a);
    const response = await db().response.findFirstOrThrow({ where: { roundId, organisation: { name: "Chad" } } });
    expect(await db().answer.findUniqueOrThrow({ where: { responseId_questionId: { responseId: response.id, questionId: comments.id } } })).toMatchObject({ text: "Raced.", revision: 2 });
    expect(await db().saveReceipt.count({ where: { key: "race-key-0001" } })).toBe(1);
  });

  it("a key already used for another organisation's response is refused with 400 and stores nothing", async () => {
    const response = await db().response.findFirstOrThrow({ where: { roundId, organisation: { name: "Chad" } } });
    const before = await db().answer.findUniqueOrThrow({ where: { responseId_questionId: { responseId: response.id, questionId: comments.id } } });
    const reused = await save(users.chad.cookie, { intent: "autosave", saveKey: "replay-key-0001", [fieldName(comments.id)]: "Under a Lao key.", [revName(comments.id)]: "2" }, chadInvitation);
    expect(reused.status).toBe(400);
    expect(reused.data.kind).toBe("invalid");
    expect(await db().answer.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before);
  });
});

describe("two contacts of one organisation", () => {
  it("a stale save is reported as a conflict with both texts; theirs is not overwritten; other answers are saved", async () => {
    const before = await answer(comments);
    const result = await save(users.submitter.cookie, {
      [fieldName(comments.id)]: "The submitter's version.",
      [revName(comments.id)]: "1", // based on an older revision than the contributor's latest
      [fieldName(agreement.id)]: "agree",
      [revName(agreement.id)]: "0",
    });
    expect(result.status).toBe(409);
    expect(result.data.kind).toBe("conflict");
    expect(result.data.conflicts).toHaveLength(1);
    expect(result.data.conflicts[0]).toMatchObject({ questionId: comments.id, theirsText: "Autosaved.", revision: 2, by: users.contributor.name });
    expect(result.data.values[fieldName(comments.id)]).toBe("The submitter's version.");
    expect(await answer(comments)).toMatchObject({ text: "Autosaved.", revision: before!.revision, updatedById: users.contributor.id });
    expect(await answer(agreement)).toMatchObject({ choices: ["agree"], revision: 1 });
  });

  it("keep mine then saves over theirs; use theirs leaves theirs", async () => {
    const theirs = await save(users.submitter.cookie, {
      [fieldName(comments.id)]: "Not wanted.",
      [revName(comments.id)]: "1",
      [seenName(comments.id)]: "2",
      resolve: `theirs:${comments.id}`,
    });
    expect(theirs.status).toBe(302);
    expect(await answer(comments)).toMatchObject({ text: "Autosaved.", revision: 2 });

    const mine = await save(users.submitter.cookie, {
      [fieldName(comments.id)]: "The submitter's version.",
      [revName(comments.id)]: "1",
      [seenName(comments.id)]: "2",
      resolve: `mine:${comments.id}`,
    });
    expect(mine.status).toBe(302);
    expect(await answer(comments)).toMatchObject({ text: "The submitter's version.", revision: 3, updatedById: users.submitter.id });
  });

  it("the same text saved on a stale revision is no conflict", async () => {
    const result = await save(users.contributor.cookie, { [fieldName(comments.id)]: "The submitter's version.", [revName(comments.id)]: "1" });
    expect(result.status).toBe(302);
    expect((await answer(comments))!.revision).toBe(3);
  });
});

describe("the autosave URL", () => {
  it("answers the section action's result as JSON: saved, then a conflict", async () => {
    const autosave = (cookie: string, fields: Record<string, string>) =>
      autosaveAction({ request: post(`${path()}/autosave`, fields, cookie), params: { invitationId: laoInvitation, sectionKey: KEY }, context }) as Promise<Response>;
    const saved = await autosave(users.contributor.cookie, { saveKey: "json-key-00001", [fieldName(comments.id)]: "Autosaved as JSON.", [revName(comments.id)]: "3" });
    expect(saved.status).toBe(200);
    expect(saved.headers.get("content-type")).toMatch(/application\/json/);
    expect(await saved.json()).toMatchObject({ kind: "saved", revisions: { [comments.id]: 4 } });

    const stale = await autosave(users.submitter.cookie, { saveKey: "json-key-00002", [fieldName(comments.id)]: "Stale.", [revName(comments.id)]: "1" });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ kind: "conflict", revisions: { [comments.id]: 1 } });

    // Put the answer back where the next tests expect it.
    await save(users.submitter.cookie, { [fieldName(comments.id)]: "The submitter's version.", [revName(comments.id)]: "4" });
    expect(await answer(comments)).toMatchObject({ text: "The submitter's version.", revision: 5 });
  });
});

describe("a save after the session ended", () => {
  it("is stashed, shown as kept, refused to another person, and saved for its author after signing in", async () => {
    const fresh = await cookieFor(users.contributor.id);
    await db().session.updateMany({ where: { userId: users.contributor.id, revokedAt: null }, data: { revokedAt: new Date() } });
    const fields = { [fieldName(wording.id)]: "Wording typed while signed out.", [revName(wording.id)]: "0", saveKey: "stash-key-00001" };
    const result = await save(fresh, fields);
    expect(result.status).toBe(303);
    expect(result.location).toBe(path());
    const stashCookie = cookieHeader(result.headers!.get("set-cookie"));
    expect(stashCookie).toMatch(/^consult_stash=/);
    expect(await db().stashedSave.count()).toBe(1);
    expect(await answer(wording)).toBeNull();

    // Signed out, the page shows the kept text and a way back in.
    const shown = await page(`${fresh}; ${stashCookie}`);
    expect(shown.status).toBe(200);
    expect(shown.data.signedOut).toBe(true);
    expect(shown.data.texts).toEqual(["Wording typed while signed out."]);
    expect(shown.data.signInHref).toBe(`/sign-in?${new URLSearchParams({ redirectTo: path() })}`);

    // Someone of another organisation: 404; a colleague: not theirs to claim. Either way it stays.
    expect((await page(`${users.chad.cookie}; ${stashCookie}`)).status).toBe(404);
    const colleague = await page(`${users.submitter.cookie}; ${stashCookie}`);
    expect(colleague.status).toBe(200);
    expect(colleague.data.stash).toBeNull();
    expect(await db().stashedSave.count()).toBe(1);

    // Its author signs in again and opens the page: the text is offered, nothing changes on a GET.
    const back = await cookieFor(users.contributor.id);
    const offered = await page(`${back}; ${stashCookie}`);
    expect(offered.status).toBe(200);
    expect(offered.data.stash.time).toBeTruthy();
    expect(offered.data.stash.answers).toEqual([{ prompt: wording.prompt, text: "Wording typed while signed out." }]);
    expect(offered.headers?.get("set-cookie") ?? null).toBeNull();
    expect(await answer(wording)).toBeNull();
    expect(await db().stashedSave.count()).toBe(1);

    // "Save it" (a POST): saved by its author, and the stash is gone.
    const saved = await save(`${back}; ${stashCookie}`, { intent: "stash-save" });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`${path()}?saved=1`);
    expect(saved.headers!.get("set-cookie")).toMatch(/consult_stash=;/);
    expect(await answer(wording)).toMatchObject({ text: "Wording typed while signed out.", updatedById: users.contributor.id });
    expect(await db().stashedSave.count()).toBe(0);
    expect((await page(`${back}; ${stashCookie}`)).data.stash).toBeNull();
    users.contributor.cookie = back;
  });

  it("a stash can be discarded instead: nothing saved, the stash gone", async () => {
    const fresh = await cookieFor(users.contributor.id);
    await db().session.updateMany({ where: { userId: users.contributor.id, revokedAt: null }, data: { revokedAt: new Date() } });
    const result = await save(fresh, { [fieldName(wording.id)]: "Not wanted after all.", [revName(wording.id)]: "1" });
    const stashCookie = cookieHeader(result.headers!.get("set-cookie"));
    const back = await cookieFor(users.contributor.id);
    const discarded = await save(`${back}; ${stashCookie}`, { intent: "stash-discard" });
    expect(discarded.status).toBe(302);
    expect(discarded.location).toBe(`${path()}?discarded=1`);
    expect(await db().stashedSave.count()).toBe(0);
    expect((await answer(wording))!.text).toBe("Wording typed while signed out.");
    users.contributor.cookie = back;
  });

  it("a browser that never had a session is sent to sign in and nothing is stashed", async () => {
    const result = await save(undefined, { [fieldName(wording.id)]: "Anonymous." });
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/sign-in\?redirectTo=/);
    expect(await db().stashedSave.count()).toBe(0);
  });

  it("an autosave after the session ended answers 401 JSON and stashes", async () => {
    const gone = await cookieFor(users.submitter.id);
    // The session row is deleted (as by a clean-up): nobody can tell whose it was.
    const newest = await db().session.findFirstOrThrow({ where: { userId: users.submitter.id }, orderBy: { createdAt: "desc" } });
    await db().session.delete({ where: { id: newest.id } });
    const result = await save(gone, { intent: "autosave", [fieldName(wording.id)]: "Autosaved while signed out." });
    expect(result.status).toBe(401);
    expect(result.data.kind).toBe("expired");
    expect(result.headers!.get("set-cookie")).toMatch(/^consult_stash=/);
    const stash = await db().stashedSave.findFirstOrThrow();
    expect(stash.userId).toBeNull(); // the row was gone: any contact of the invitation may claim it
    await db().stashedSave.deleteMany();
  });
});

describe("bad input", () => {
  it("1 MB of text is refused with 413, the text kept, nothing stored", async () => {
    const big = "x".repeat(1024 * 1024);
    const before = await answer(comments);
    const result = await save(users.submitter.cookie, { [fieldName(comments.id)]: big });
    expect(result.status).toBe(413);
    expect(result.data.values[fieldName(comments.id)]).toBe(big);
    expect(result.data.errors.form).toMatch(/too long/);
    expect(await answer(comments)).toEqual(before);
  });

  it("an option that does not exist is refused with 400", async () => {
    const result = await save(users.submitter.cookie, { [fieldName(agreement.id)]: "absolutely", [fieldName(comments.id)]: "Kept." });
    expect(result.status).toBe(400);
    expect(result.data.errors[fieldName(agreement.id)]).toBe("validation.chooseOne");
    expect((await answer(comments))!.text).toBe("The submitter's version.");
  });

  it("a text field posted twice (wrong type) is refused with 400", async () => {
    const result = await save(users.submitter.cookie, { [fieldName(comments.id)]: ["one", "two"] });
    expect(result.status).toBe(400);
  });

  it("a question of another section, or made up, is a forged post: 400, nothing stored", async () => {
    const other = (await loadRespondentRound(laoInvitation)).sections.find((s) => s.key === "purpose-and-scope")!.questions[0]!;
    const audits = await db().auditEvent.count();
    for (const forged of [other.id, "not-a-question"]) {
      const result = await save(users.submitter.cookie, { [fieldName(comments.id)]: "Should not be stored.", [fieldName(forged)]: "agree" });
      expect(result.status).toBe(400);
    }
    expect(await db().auditEvent.count()).toBe(audits);
    expect((await answer(comments))!.text).toBe("The submitter's version.");
  });

  it("a contact of another organisation posting here gets 404 and nothing is stored", async () => {
    const before = await answer(comments);
    const result = await save(users.chad.cookie, { [fieldName(comments.id)]: "From Chad." });
    expect(result.status).toBe(404);
    expect(await answer(comments)).toEqual(before);
    expect(await db().answer.count({ where: { text: "From Chad." } })).toBe(0);
  });

  it("HTML and script are stored as text, verbatim", async () => {
    const text = `<script>alert("x")</script><b>bold</b> & "quotes"`;
    expect((await save(users.submitter.cookie, { [fieldName(comments.id)]: text })).status).toBe(302);
    expect((await answer(comments))!.text).toBe(text);
    expect((await page(users.submitter.cookie)).data.values[fieldName(comments.id)]).toBe(text);
  });
});

describe("one person on two pages (tabs or devices)", () => {
  const LAPTOP = "laptop-page-0001";
  const PHONE = "phone-page-00001";
  it("a stale save from another page is a conflict even for the same person; the same page racing itself is not", async () => {
    const base = (await answer(comments))!.revision;
    const first = await save(users.contributor.cookie, { [fieldName(comments.id)]: "Typed on the laptop.", [revName(comments.id)]: String(base), [PAGE_ID]: LAPTOP });
    expect(first.status).toBe(302);

    // The phone's page was rendered before that save: its text does not silently replace the laptop's.
    const phone = await save(users.contributor.cookie, { [fieldName(comments.id)]: "Typed on the phone.", [revName(comments.id)]: String(base), [PAGE_ID]: PHONE });
    expect(phone.status).toBe(409);
    expect(phone.data.conflicts[0]).toMatchObject({ questionId: comments.id, theirsText: "Typed on the laptop.", by: users.contributor.name });
    expect(await answer(comments)).toMatchObject({ text: "Typed on the laptop.", revision: base + 1 });

    // "Save and continue" pressed on the laptop while its autosave was on the way: same page, stored.
    const again = await save(users.contributor.cookie, { [fieldName(comments.id)]: "Typed on the laptop, and more.", [revName(comments.id)]: String(base), [PAGE_ID]: LAPTOP });
    expect(again.status).toBe(302);
    expect(await answer(comments)).toMatchObject({ text: "Typed on the laptop, and more.", revision: base + 2 });
  });

  it("a page id that is not a short token is a malformed post: 400, nothing stored", async () => {
    const before = await answer(comments);
    const result = await save(users.contributor.cookie, { [fieldName(comments.id)]: "Whatever.", [PAGE_ID]: "<script>" });
    expect(result.status).toBe(400);
    expect(await answer(comments)).toMatchObject({ text: before!.text, revision: before!.revision });
  });
});

describe("after the round closed", () => {
  beforeAll(async () => {
    await db().round.update({ where: { id: roundId }, data: { closesAt: new Date(Date.now() - 60_000) } });
  });

  it("a save answers 409 with the text kept, stores nothing, and the text downloads as a file", async () => {
    const before = await answer(comments);
    const fields = { [fieldName(comments.id)]: "Typed as the round closed." };
    const result = await save(users.submitter.cookie, fields);
    expect(result.status).toBe(409);
    expect(result.data.closed).toBe(true);
    expect(result.data.values).toEqual(fields);
    expect(await answer(comments)).toEqual(before);

    const download = (await downloadAction({
      request: post(`${path()}/download`, fields, users.submitter.cookie),
      params: { invitationId: laoInvitation, sectionKey: KEY },
      context,
    })) as Response;
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="answers-${KEY}.txt"`);
    const text = await download.text();
    expect(text).toContain(comments.prompt);
    expect(text).toContain("Typed as the round closed.");
  });

  it("the download is for the invitation's contacts only", async () => {
    const result = await outcome(() =>
      downloadAction({ request: post(`${path()}/download`, { [fieldName(comments.id)]: "x" }, users.chad.cookie), params: { invitationId: laoInvitation, sectionKey: KEY }, context }),
    );
    expect(result.status).toBe(404);
  });
});
