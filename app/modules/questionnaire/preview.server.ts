/**
 * The questionnaire as a respondent will see it, one section at a time, in any of the
 * consultation's languages: translations where they exist, the original wording elsewhere.
 * Sections are assembled the way the respondent's pages assemble them
 * (app/modules/response/respondent-round.server.ts): document order, then the whole document.
 */
import { db } from "~/modules/db/client.server";
import { renderMarkdown } from "~/modules/document/markdown.server";
import { GENERAL_KEY } from "~/modules/response/respondent-round.server";
import { fixedOptionLabels, type StoredTranslation } from "./builder.server";
import { firstQuestionNumbers } from "./numbering";
import { byPosition } from "./questionnaire.server";
import { optionsOf, type FormQuestion, type QuestionType } from "./questions";
import { hasOwnOptions } from "./schemas";

const translationOf = (json: unknown, language: string): Record<string, unknown> | undefined => {
  const value = json && typeof json === "object" ? (json as Record<string, unknown>)[language] : undefined;
  return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
};

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v : undefined);

export async function loadPreview(roundId: string, wanted: { section: string | null; language: string | null }) {
  const round = await db().round.findUniqueOrThrow({
    where: { id: roundId },
    include: {
      consultation: { select: { languages: true } },
      version: { include: { sections: { orderBy: { position: "asc" } } } },
      questions: { where: { retiredAt: null } },
    },
  });
  const languages = round.consultation.languages;
  const language = wanted.language && languages.includes(wanted.language) ? wanted.language : languages[0]!;
  const original = language === languages[0];
  const questions = [...round.questions].sort(byPosition);

  let untranslated = 0;
  const toForm = (q: (typeof questions)[number]): FormQuestion => {
    const type = q.type as QuestionType;
    const options = optionsOf(type, q.options);
    const t = original ? undefined : (translationOf(q.translations, language) as StoredTranslation | undefined);
    if (!original && !str(t?.prompt)) untranslated++;
    const optionLabels = t?.options ?? (original || hasOwnOptions(type) ? undefined : fixedOptionLabels(language, options));
    return {
      id: q.id,
      type,
      prompt: str(t?.prompt) ?? q.prompt,
      help: str(t?.help) ?? q.help,
      required: q.required,
      options: options.map((o) => ({ id: o.id, label: str(optionLabels?.[o.id]) ?? o.label })),
    };
  };

  const sections = round.version.sections.map((s) => {
    const t = original ? undefined : translationOf(s.translations, language);
    return {
      key: s.key,
      heading: str(t?.heading) ?? s.heading,
      body: str(t?.body) ?? s.body,
      questions: questions.filter((q) => q.sectionId === s.id).map(toForm),
    };
  });
  const general = questions.filter((q) => !q.sectionId).map(toForm);
  if (general.length > 0) sections.push({ key: GENERAL_KEY, heading: "The document as a whole", body: "", questions: general });

  const index = Math.max(0, sections.findIndex((s) => s.key === wanted.section));
  const section = sections[index] ?? { key: "", heading: "No sections", body: "", questions: [] };
  return {
    roundTitle: round.title,
    languages,
    language,
    untranslated,
    sections: sections.map((s, i) => ({ key: s.key, label: s.key === GENERAL_KEY ? s.heading : `${i + 1}. ${s.heading}`, questions: s.questions.length })),
    section: { key: section.key, number: section.key === GENERAL_KEY ? null : index + 1, heading: section.heading, body: section.body, html: renderMarkdown(section.body) },
    firstNumber: firstQuestionNumbers(sections)[index] ?? 1,
    questions: section.questions,
    previous: sections[index - 1]?.key ?? null,
    next: sections[index + 1]?.key ?? null,
  };
}
