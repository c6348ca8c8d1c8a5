/**
 * What a respondent sees of a round through their organisation's invitation: the document's
 * sections with their questions, the organisation's response and its answers, the deadline.
 */
import type { Attribution, ResponseStatus, Section } from "~/generated/prisma/client";
import { db } from "~/modules/db/client.server";
import type { Language } from "~/modules/i18n/languages";
import { NAMESPACES } from "~/modules/i18n/resources.server";
import { isAnswered, optionsOf, type AnswerValue, type FormQuestion, type QuestionType } from "~/modules/questionnaire/questions";

/** The pseudo-section holding questions about the whole document. */
export const GENERAL_KEY = "general";

export type RespondentSection = {
  key: string;
  heading: string;
  body: string;
  position: number;
  questions: FormQuestion[];
  /** Set when the text is shown in the consultation's original language for want of a translation. */
  untranslatedFrom?: string;
  /** The heading's language when the heading itself is untranslated (its body may be). */
  headingFrom?: string;
};

type SectionTranslations = Record<string, { heading?: string; body?: string } | undefined>;
type QuestionTranslations = Record<string, { prompt?: string; help?: string; options?: Record<string, string> } | undefined>;

export type RespondentRound = {
  invitationId: string;
  organisation: { id: string; name: string; type: string };
  consultationTitle: string;
  /** The language of the consultation's and round's titles and instructions (never translated) when it is not the reader's. */
  titlesFrom?: string;
  round: { id: string; consultationId: string; title: string; instructions: string; status: string; timeZone: string; opensAt: Date | null };
  deadline: Date | null;
  isOpen: boolean;
  sections: RespondentSection[];
  response: {
    id: string;
    status: ResponseStatus;
    attribution: Attribution;
    consentToPublish: boolean;
    submittedAt: Date | null;
    updatedAt: Date;
    /** Questions changed since the response was submitted, waiting for the next submit. */
    unsubmittedChanges: number;
  } | null;
  /** The answers as the organisation's writers see them: a change made after submitting included. */
  answers: Map<string, AnswerValue>;
};

export function deadlineOf(round: { closesAt: Date | null }, invitation: { extendedUntil: Date | null }) {
  if (invitation.extendedUntil && (!round.closesAt || invitation.extendedUntil > round.closesAt)) return invitation.extendedUntil;
  return round.closesAt;
}

export function isAcceptingAnswers(
  round: { status: string; opensAt: Date | null; closesAt: Date | null },
  invitation: { extendedUntil: Date | null },
  now = new Date(),
) {
  // A round past its closing time still accepts answers from an organisation with an extension.
  const deadline = deadlineOf(round, invitation);
  const statusAllows = round.status === "OPEN" || (round.status === "CLOSED" && !!invitation.extendedUntil);
  return statusAllows && (!round.opensAt || round.opensAt <= now) && (!deadline || now < deadline);
}

const lockedSections = new Map<string, Promise<Section[]>>();

/**
 * A version's sections. A version a round uses is locked (immutable), so its sections (the
 * longest part of every respondent page and save) are read once per process.
 */
function sectionsOf(version: { id: string; lockedAt: Date | null }): Promise<Section[]> {
  const read = () => db().section.findMany({ where: { versionId: version.id }, orderBy: { position: "asc" } });
  if (!version.lockedAt) return read();
  let sections = lockedSections.get(version.id);
  if (!sections) {
    sections = read();
    lockedSections.set(version.id, sections);
    sections.catch(() => lockedSections.delete(version.id));
  }
  return sections;
}

/**
 * `language`: the reader's; headings, bodies, prompts and options are shown in it where the
 * coordinators translated them, else in the consultation's original language (flagged).
 */
export async function loadRespondentRound(invitationId: string, language?: Language): Promise<RespondentRound> {
  const invitation = await db().invitation.findUniqueOrThrow({
    where: { id: invitationId },
    include: {
      organisation: { include: { type: true } },
      round: {
        include: {
          consultation: true,
          version: { select: { id: true, lockedAt: true } },
          questions: { where: { retiredAt: null }, orderBy: { position: "asc" } },
        },
      },
    },
  });
  const { round } = invitation;
  const [versionSections, response] = await Promise.all([
    sectionsOf(round.version),
    db().response.findUnique({
      where: { roundId_organisationId: { roundId: round.id, organisationId: invitation.organisationId } },
      include: { answers: true, answerDrafts: true },
    }),
  ]);

  const submitted = new Map(response?.answers.map((a) => [a.questionId, valueOf(a)]) ?? []);
  const original = round.consultation.languages[0] ?? "en";
  const reader = language && language !== original ? language : null;
  const fixedLabels = NAMESPACES.options[language ?? "en"]!;

  const toForm = (q: (typeof round.questions)[number]): FormQuestion => {
    const type = q.type as QuestionType;
    const tr = reader ? (q.translations as QuestionTranslations)[reader] : undefined;
    const fixed = type === "AGREEMENT" || type === "YES_NO";
    const options = optionsOf(type, q.options).map((o) => {
      const label = (fixed && language ? fixedLabels[o.id] : tr?.options?.[o.id]) || null;
      return { id: o.id, label: label ?? o.label, ...(reader && !label ? { from: original } : {}) };
    });
    const promptFrom = reader && !tr?.prompt ? original : undefined;
    const helpFrom = reader && !!q.help && !tr?.help ? original : undefined;
    return {
      id: q.id,
      type,
      prompt: tr?.prompt || q.prompt,
      help: tr?.help || q.help,
      required: q.required,
      options,
      ...(promptFrom || helpFrom ? { untranslatedFrom: original } : {}),
      ...(promptFrom ? { promptFrom } : {}),
      ...(helpFrom ? { helpFrom } : {}),
    };
  };

  const general = round.questions.filter((q) => !q.sectionId).map(toForm);
  const sections: RespondentSection[] = versionSections.map((s) => {
    const tr = reader ? (s.translations as SectionTranslations)[reader] : undefined;
    // Heading and body fall back separately: a translated heading over an untranslated body is flagged too.
    const complete = !!tr?.heading && (!s.body || !!tr.body);
    return {
      key: s.key,
      heading: tr?.heading || s.heading,
      body: tr?.body || s.body,
      position: s.position,
      questions: round.questions.filter((q) => q.sectionId === s.id).map(toForm),
      ...(reader && !complete ? { untranslatedFrom: original } : {}),
      ...(reader && !tr?.heading ? { headingFrom: original } : {}),
    };
  });
  if (general.length > 0) {
    const heading = NAMESPACES.respond[language ?? "en"]!.generalSection!;
    sections.push({ key: GENERAL_KEY, heading, body: "", position: sections.length + 1, questions: general });
  }

  return {
    invitationId: invitation.id,
    organisation: { id: invitation.organisation.id, name: invitation.organisation.name, type: invitation.organisation.type.label },
    consultationTitle: round.consultation.title,
    ...(reader ? { titlesFrom: original } : {}),
    round: { id: round.id, consultationId: round.consultationId, title: round.title, instructions: round.instructions, status: round.status, timeZone: round.timeZone, opensAt: round.opensAt },
    deadline: deadlineOf(round, invitation),
    isOpen: isAcceptingAnswers(round, invitation),
    sections,
    response: response
      ? {
          id: response.id,
          status: response.status,
          attribution: response.attribution,
          consentToPublish: response.consentToPublish,
          submittedAt: response.submittedAt,
          updatedAt: response.updatedAt,
          unsubmittedChanges: response.answerDrafts.filter((d) => !sameValue(d, submitted.get(d.questionId))).length,
        }
      : null,
    answers: new Map([...submitted, ...(response?.answerDrafts.map((d) => [d.questionId, valueOf(d)] as const) ?? [])]),
  };
}

const valueOf = (a: AnswerValue): AnswerValue => ({ choices: a.choices, text: a.text });

function sameValue(a: AnswerValue, b: AnswerValue | undefined) {
  const text = (v: AnswerValue | undefined) => v?.text ?? "";
  return text(a) === text(b) && a.choices.join("\n") === (b?.choices ?? []).join("\n");
}

export type SectionStatus = "not-started" | "in-progress" | "answered";

export function sectionStatus(section: RespondentSection, answers: Map<string, AnswerValue>): SectionStatus {
  const answered = section.questions.filter((q) => isAnswered(answers.get(q.id))).length;
  if (answered === 0) return "not-started";
  const requiredMissing = section.questions.some((q) => q.required && !isAnswered(answers.get(q.id)));
  return answered === section.questions.length || !requiredMissing ? "answered" : "in-progress";
}

/** Required questions still unanswered, in document order. */
export function missingRequired(round: RespondentRound) {
  return round.sections.flatMap((s) =>
    s.questions.filter((q) => q.required && !isAnswered(round.answers.get(q.id))).map((q) => ({ section: s, question: q })),
  );
}
