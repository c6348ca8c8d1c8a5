/**
 * Shared by the submission and attachment tests: an organisation's invitation in the demo's
 * open round, its contacts' cookies, answers to every required question written as the
 * section page would store them, and multipart posts with real files.
 */
import { db } from "~/modules/db/client.server";
import type { FormQuestion } from "~/modules/questionnaire/questions";
import { loadRespondentRound } from "~/modules/response/respondent-round.server";
import { BASE, cookieFor } from "./route-helpers";

export async function organisationInRound(name: string) {
  const invitation = await db().invitation.findFirstOrThrow({
    where: { organisation: { name }, round: { status: "OPEN" } },
    include: { organisation: { include: { contacts: { include: { user: true }, orderBy: { createdAt: "asc" } } } }, round: true },
  });
  const submitter = invitation.organisation.contacts.find((c) => c.role === "SUBMITTER")!;
  const contributor = invitation.organisation.contacts.find((c) => c.role === "CONTRIBUTOR");
  return {
    invitationId: invitation.id,
    roundId: invitation.roundId,
    consultationId: invitation.round.consultationId,
    organisationId: invitation.organisationId,
    submitter: { ...submitter.user, cookie: await cookieFor(submitter.userId) },
    contributor: contributor ? { ...contributor.user, cookie: await cookieFor(contributor.userId) } : null,
  };
}

function valueFor(q: FormQuestion, text: string) {
  if (q.type === "AGREEMENT" || q.type === "YES_NO" || q.type === "SINGLE_CHOICE" || q.type === "MULTIPLE_CHOICE") {
    return { choices: [q.options[0]!.id], text: null };
  }
  return { choices: [], text };
}

/** Answers every required question (or every question) of the organisation's response. */
export async function answerQuestions(invitationId: string, userId: string, { all = false, text = "Our considered answer." } = {}) {
  const round = await loadRespondentRound(invitationId);
  const response = await db().response.upsert({
    where: { roundId_organisationId: { roundId: round.round.id, organisationId: round.organisation.id } },
    create: { roundId: round.round.id, organisationId: round.organisation.id },
    update: {},
  });
  for (const q of round.sections.flatMap((s) => s.questions).filter((q) => all || q.required)) {
    const value = valueFor(q, text);
    await db().answer.upsert({
      where: { responseId_questionId: { responseId: response.id, questionId: q.id } },
      create: { responseId: response.id, questionId: q.id, ...value, updatedById: userId },
      update: { ...value, updatedById: userId },
    });
  }
  return response;
}

/** A multipart form post with one file, as a browser sends the upload form. */
export function upload(path: string, file: { name: string; type?: string; content: Buffer | Uint8Array } | null, cookie?: string): Request {
  const form = new FormData();
  if (file) form.append("file", new File([new Uint8Array(file.content)], file.name, { type: file.type ?? "" }));
  else form.append("file", new File([], "", { type: "application/octet-stream" }));
  return new Request(BASE + path, { method: "POST", headers: cookie ? { cookie } : {}, body: form });
}
