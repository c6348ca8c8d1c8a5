/**
 * The respondent audit's findings (issue 4), through the real route loaders and actions on a
 * real database: an unchanged proposed wording is no answer and a long section's wording can
 * be saved; bodies that are not forms get a clear 4xx; an expired session's post is still
 * recognised and stashed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/modules/db/client.server";
import { fieldName, LONG_TEXT_MAX, type FormQuestion } from "~/modules/questionnaire/questions";
import { loadRespondentRound, type RespondentSection } from "~/modules/response/respondent-round.server";
import { action as sectionAction } from "~/routes/respond.$invitationId.sections.$sectionKey";
import { action as autosaveAction } from "~/routes/respond.$invitationId.sections.$sectionKey_.autosave";
import { action as downloadAction } from "~/routes/respond.$invitationId.sections.$sectionKey_.download";
import { action as reviewAction } from "~/routes/respond.$invitationId.review";
import { action as withdrawAction, loader as withdrawLoader } from "~/routes/respond.$invitationId.withdraw";
import { action as invitationAction, loader as invitationLoader } from "~/routes/invitations.$token";
import { languageCookie, requestLanguage } from "~/modules/i18n/language.server";
import { readOutbox } from "~/modules/mail/outbox.server";
import { hashToken, randomToken } from "~/modules/security/tokens.server";
import { createSession } from "~/modules/auth/session.server";
import { MAX_FORM_BYTES } from "~/modules/forms/read-form.server";
import { seedDemo } from "../../prisma/seed/demo";
import { context, cookieFor, cookieHeader, outcome, post } from "./route-helpers";

const KEY = "integrated-approach-principles";
let laoInvitation: string;
let roundId: string;
let section: RespondentSection;
let wording: FormQuestion;
let comments: FormQuestion;
let cookie: string;
let submitterCookie: string;

const path = () => `/respond/${laoInvitation}/sections/${KEY}`;
const params = () => ({ invitationId: laoInvitation, sectionKey: KEY });
const save = (fields: Record<string, string | string[]>, as = cookie) => outcome(() => sectionAction({ request: post(path(), fields, as), params: params(), context }));
const autosave = (fields: Record<string, string | string[]>, as = cookie) =>
  outcome(() => autosaveAction({ request: post(`${path()}/autosave`, fields, as), params: params(), context }));

async function answer(q: FormQuestion) {
  const response = await db().response.findFirst({ where: { roundId, organisation: { name: "Lao People's Democratic Republic" } } });
  return response ? db().answer.findUnique({ where: { responseId_questionId: { responseId: response.id, questionId: q.id } } }) : null;
}

beforeAll(async () => {
  await seedDemo(db(), { appUrl: "http://localhost:3000" });
  const round = await db().round.findFirstOrThrow({ where: { status: "OPEN" } });
  roundId = round.id;
  laoInvitation = (await db().invitation.findFirstOrThrow({ where: { roundId, organisation: { name: "Lao People's Democratic Republic" } } })).id;
  section = (await loadRespondentRound(laoInvitation)).sections.find((s) => s.key === KEY)!;
  wording = section.questions.find((q) => q.type === "PROPOSED_WORDING")!;
  comments = section.questions.find((q) => q.type === "LONG_TEXT")!;
  const user = await db().user.findUniqueOrThrow({ where: { email: "va@nra.laopdr.example" } });
  cookie = await cookieFor(user.id);
  submitterCookie = await cookieFor((await db().user.findUniqueOrThrow({ where: { email: "focalpoint@laopdr.example" } })).id);
});

describe("proposed wording", () => {
  it("sent back as the section's own text (line endings, spacing aside) is no answer, saved by button or autosave", async () => {
    const unchanged = `  ${section.body.replace(/\n/g, "\r\n")} \r\n`;
    const saved = await save({ [fieldName(wording.id)]: unchanged, [fieldName(comments.id)]: "A comment." });
    expect(saved.status).toBe(302);
    expect(await answer(comments)).toMatchObject({ text: "A comment." });
    expect((await answer(wording))?.text ?? null).toBeNull();

    const auto = await autosave({ [fieldName(wording.id)]: section.body.replace(/\n\n/g, "\n \n"), [fieldName(comments.id)]: "A comment, autosaved." });
    expect(auto.status).toBe(200);
    expect(auto.data).toMatchObject({ kind: "saved" });
    expect((await answer(wording))?.text ?? null).toBeNull();

    const changed = `${section.body}\n\nA new sentence.`;
    expect((await save({ [fieldName(wording.id)]: changed })).status).toBe(302);
    expect((await answer(wording))?.text).toBe(changed);
  });

  it("a wording longer than other answers may be (a long section) is saved; other text answers stay capped", async () => {
    const long = `${"A long section's paragraph. ".repeat(1000)}Changed.`;
    expect(long.length).toBeGreaterThan(LONG_TEXT_MAX);
    const saved = await save({ [fieldName(wording.id)]: long });
    expect(saved.status).toBe(302);
    expect((await answer(wording))?.text).toBe(long);

    const tooLong = await save({ [fieldName(comments.id)]: "x".repeat(LONG_TEXT_MAX + 1) });
    expect(tooLong.status).toBe(413);
  });
});

describe("bodies that are not forms", () => {
  const raw = (url: string, body: string, type: string, as = cookie) =>
    new Request(`http://localhost:3000${url}`, { method: "POST", headers: { "content-type": type, cookie: as }, body });

  it("a JSON or text/plain body gets a clear 400 from the section, autosave, download, review and withdraw actions (not a 500)", async () => {
    const json = JSON.stringify({ [fieldName(comments.id)]: "Sent as JSON." });
    const calls = [
      (r: Request) => sectionAction({ request: r, params: params(), context }),
      (r: Request) => autosaveAction({ request: r, params: params(), context }),
      (r: Request) => downloadAction({ request: r, params: params(), context }),
      (r: Request) => reviewAction({ request: r, params: { invitationId: laoInvitation }, context }),
      (r: Request) => withdrawAction({ request: r, params: { invitationId: laoInvitation }, context }),
    ];
    // Review and withdraw are the submitter's.
    const as = (i: number) => (i >= 3 ? submitterCookie : cookie);
    for (const [type, body] of [["application/json", json], ["text/plain", "q=1"]] as const) {
      for (const [i, call] of calls.entries()) {
        const result = await outcome(() => call(raw(path(), body, type, as(i))));
        expect(result.status).toBe(400);
        expect(result.data.message).toMatch(/expects a form/);
      }
    }
    expect((await answer(comments))?.text).not.toBe("Sent as JSON.");
  });

  it("a body over the limit gets 413, a declared or a counted one", async () => {
    const big = "x".repeat(MAX_FORM_BYTES + 1);
    const declared = await outcome(() => sectionAction({ request: raw(path(), `q=${big}`, "application/x-www-form-urlencoded"), params: params(), context }));
    expect(declared.status).toBe(413);
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(`a=${big}`));
        c.close();
      },
    });
    const chunked = new Request(`http://localhost:3000${path()}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect((await outcome(() => autosaveAction({ request: chunked, params: params(), context }))).status).toBe(413);
  });
});

describe("an expired session", () => {
  it("keeps its cookie beyond the session by the stash's time, so a post after expiry is recognised and stashed", async () => {
    const user = await db().user.findUniqueOrThrow({ where: { email: "focalpoint@laopdr.example" } });
    const setCookie = await createSession(user.id, new Request("http://localhost:3000"));
    const maxAge = Number(/Max-Age=(\d+)/i.exec(setCookie)?.[1]);
    const session = await db().session.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: "desc" } });
    const sessionSeconds = (session.expiresAt.getTime() - Date.now()) / 1000;
    expect(maxAge).toBeGreaterThanOrEqual(sessionSeconds + 7 * 24 * 60 * 60 - 5);

    // The session ends (absolute timeout); the browser still sends the cookie it was given.
    await db().session.update({ where: { id: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const posted = await save({ [fieldName(comments.id)]: "Typed as the session ended." }, cookieHeader(setCookie));
    expect(posted.status).toBe(303);
    expect(posted.headers!.get("set-cookie")).toMatch(/consult_stash=/);
    const stash = await db().stashedSave.findFirstOrThrow({ where: { userId: user.id } });
    expect(stash.fields).toMatchObject({ [fieldName(comments.id)]: "Typed as the session ended." });
  });
});

describe("the invitation landing page", () => {
  async function lebanon() {
    const invitation = await db().invitation.findFirstOrThrow({ where: { roundId, organisation: { name: "Lebanon" } } });
    const contact = await db().contact.findFirstOrThrow({ where: { organisationId: invitation.organisationId, role: "SUBMITTER" }, include: { user: true } });
    const token = randomToken();
    await db().invitationLink.upsert({
      where: { invitationId_contactId: { invitationId: invitation.id, contactId: contact.id } },
      create: { invitationId: invitation.id, contactId: contact.id, tokenHash: hashToken(token) },
      update: { tokenHash: hashToken(token), revokedAt: null, expiresAt: null },
    });
    return { invitation, contact, token, path: `/invitations/${token}` };
  }
  const landing = (request: Request, token: string) => outcome(() => invitationLoader({ request, params: { token }, context }));
  const follow = (fields: Record<string, string>, token: string, cookieValue?: string) =>
    outcome(() => invitationAction({ request: post(`/invitations/${token}`, fields, cookieValue), params: { token }, context }));

  it("speaks the contact's language when no language was chosen, and remembers it in the cookie", async () => {
    const { contact, token, path: url } = await lebanon();
    expect(contact.user.language).toBe("ar");
    const request = new Request(`http://localhost:3000${url}`, { headers: { "accept-language": "en-GB,en;q=0.9" } });
    expect(await requestLanguage(request)).toBe("ar");
    const page = await landing(request, token);
    expect(page.status).toBe(200);
    expect(page.headers!.get("set-cookie")).toMatch(/^consult_lang=/);
    expect(await languageCookie().parse(cookieHeader(page.headers!.get("set-cookie")))).toBe("ar");
    // A language chosen with the switcher wins, and is left as it is.
    const chosen = new Request(`http://localhost:3000${url}`, { headers: { cookie: await languageCookie().serialize("fr") } });
    expect(await requestLanguage(chosen)).toBe("fr");
    expect((await landing(chosen, token)).headers!.get("set-cookie")).toBeNull();
  });

  it("stores the browser's time zone on a contact who has none, only a real IANA zone, never over one they have", async () => {
    const { contact, token } = await lebanon();
    const zoneOf = async () => (await db().user.findUniqueOrThrow({ where: { id: contact.userId } })).timeZone;
    await db().user.update({ where: { id: contact.userId }, data: { timeZone: null } });
    for (const bad of ["Mars/Olympus_Mons", "+05:00", "'; DROP TABLE", "x".repeat(100)]) {
      expect((await follow({ timeZone: bad }, token)).status).toBe(302);
      expect(await zoneOf()).toBeNull();
    }
    expect((await follow({}, token)).status).toBe(302); // JavaScript off: no zone, the round's stays
    expect(await zoneOf()).toBeNull();
    const followed = await follow({ timeZone: "Asia/Beirut" }, token);
    expect(followed.location).toMatch(/^\/respond\//);
    expect(await zoneOf()).toBe("Asia/Beirut");
    await follow({ timeZone: "Europe/Paris" }, token);
    expect(await zoneOf()).toBe("Asia/Beirut");
  });

  it("an expired link offers a fresh sign-in link, emailed through the outbox to the contact, back to their response", async () => {
    const { invitation, contact, token } = await lebanon();
    await db().invitationLink.updateMany({ where: { invitationId: invitation.id, contactId: contact.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const page = await landing(new Request(`http://localhost:3000/invitations/${token}`), token);
    expect(page.status).toBe(410);
    expect(page.data).toMatchObject({ problem: "expired", canResend: true, signInHref: `/sign-in?redirectTo=${encodeURIComponent(`/respond/${invitation.id}`)}` });

    let woken = 0;
    const sent = await outcome(() =>
      invitationAction({ request: post(`/invitations/${token}`, { intent: "send-link" }), params: { token }, context: { ...context, wakeMailWorker: () => void woken++ } }),
    );
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`/invitations/${token}?sent=1`);
    expect(woken).toBe(1);
    const [message] = await readOutbox(db(), { where: { toAddress: contact.user.email, template: "sign-in" }, orderBy: { createdAt: "desc" }, take: 1 });
    expect(message).toBeTruthy();
    const signIn = await db().signInToken.findFirstOrThrow({ where: { userId: contact.userId }, orderBy: { createdAt: "desc" } });
    expect(signIn.redirectTo).toBe(`/respond/${invitation.id}`);
    // Not a session: following an expired link signs nobody in.
    expect(sent.headers!.get("set-cookie")).toBeNull();
  });
});

describe("withdrawing after the round closed", () => {
  it("says the round is closed (translated), in the loader and the action, not that there is nothing to withdraw", async () => {
    const withdrawPath = `/respond/${laoInvitation}/withdraw`;
    await db().round.update({ where: { id: roundId }, data: { status: "CLOSED" } });
    try {
      const french = `${submitterCookie}; ${cookieHeader(await languageCookie().serialize("fr"))}`;
      const page = await outcome(() => withdrawLoader({ request: new Request(`http://localhost:3000${withdrawPath}`, { headers: { cookie: french } }), params: { invitationId: laoInvitation }, context }));
      expect(page.data).toMatchObject({ canWithdraw: false, blocked: "Ce cycle n’accepte plus de réponses." });
      const acted = await outcome(() => withdrawAction({ request: post(withdrawPath, {}, french), params: { invitationId: laoInvitation }, context }));
      expect(acted.status).toBe(409);
      expect(acted.data).toEqual({ error: "Ce cycle n’accepte plus de réponses." });
    } finally {
      await db().round.update({ where: { id: roundId }, data: { status: "OPEN" } });
    }
  });
});
