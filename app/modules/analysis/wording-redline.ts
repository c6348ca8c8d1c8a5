/**
 * Proposed wording against the section: respondents often rewrite one paragraph, not the whole
 * section, and edit the section in the language they read it in. So the redline is drawn
 * against whichever text (the original or a translation, whole or one of its paragraphs) the
 * wording changes least. Client-safe: the respondent's review page, the written answers and
 * the worklist all draw it the same way.
 */
import { redline, type RedlinePart } from "~/modules/document/redline";

const changedLength = (parts: RedlinePart[]) => parts.reduce((n, p) => n + (p.kind === "same" ? 0 : p.text.length), 0);

/** The texts a wording may start from: the section's body and each translated body. */
export function sectionTexts(section: { body: string; translations?: unknown }): string[] {
  const translations = (section.translations ?? {}) as Record<string, { body?: unknown } | undefined>;
  const translated = Object.values(translations).flatMap((tr) => (typeof tr?.body === "string" && tr.body.trim() ? [tr.body] : []));
  return [section.body, ...translated];
}

export function wordingRedline(from: string | readonly string[], wording: string): RedlinePart[] {
  const texts = [...new Set(typeof from === "string" ? [from] : from)].filter((t) => t.trim());
  let best: RedlinePart[] | null = null;
  for (const text of texts) {
    const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim());
    for (const base of [text, ...(paragraphs.length > 1 ? paragraphs : [])]) {
      const parts = redline(base.trim(), wording.trim());
      if (!best || changedLength(parts) < changedLength(best)) best = parts;
    }
  }
  return best ?? [{ kind: "ins", text: wording }];
}
