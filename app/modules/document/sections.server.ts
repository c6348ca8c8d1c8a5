/**
 * The rules of sections, without the database: stable keys (a slug of the heading, unique in
 * the version, carried over from the previous version so answers, worklist items and redlines
 * follow a section from draft to draft), and the text operations behind split, merge and
 * reorder. A section's paragraphs here are its top-level Markdown blocks (a paragraph, a list,
 * a table, a sub-heading…), so a split never cuts a list or a table in two.
 */
import { Marked, type Token, type Tokens } from "marked";

const lexer = new Marked({ gfm: true });

// ───────────────────────────── keys ─────────────────────────────

const MAX_KEY_LENGTH = 60;

/**
 * "2.1 Data collection" → "data-collection". Leading numbering is dropped, so renumbering
 * sections does not change their keys.
 */
export function keySlug(heading: string): string {
  const words = heading
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim()
    .replace(/^(?:\d{1,3}(?:\.\d{1,3})*\.?|\d{1,3}\)|[ivxlcdm]{1,6}[.)]|[a-z][.)])\s+/, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (!words) return "section";
  if (words.length <= MAX_KEY_LENGTH) return words;
  const cut = words.slice(0, MAX_KEY_LENGTH + 1);
  return (cut.lastIndexOf("-") > 20 ? cut.slice(0, cut.lastIndexOf("-")) : cut.slice(0, MAX_KEY_LENGTH)).replace(/-+$/, "");
}

export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export type KeyedSection = { key: string; heading: string; body: string };
export type KeyAssignment = { key: string; /** the key of the previous version's section it continues */ continues: string | null };

/**
 * Keys for the sections of a new version. A section continues a section of the previous
 * version when its heading says the same thing (numbering aside), or else when its text is
 * unchanged (a renamed heading); any other section gets a new key that no section of the
 * previous version used, so history is never attached to the wrong section.
 */
export function assignKeys(sections: Array<{ heading: string; body: string }>, previous: KeyedSection[]): KeyAssignment[] {
  const claimed = new Set<string>();
  const result: Array<KeyAssignment | null> = sections.map(() => null);
  const claim = (i: number, match: KeyedSection | undefined) => {
    if (!match) return;
    claimed.add(match.key);
    result[i] = { key: match.key, continues: match.key };
  };
  sections.forEach((s, i) => {
    const slug = keySlug(s.heading);
    claim(i, previous.find((p) => !claimed.has(p.key) && (p.key === slug || keySlug(p.heading) === slug)));
  });
  sections.forEach((s, i) => {
    const body = s.body.trim();
    if (result[i] || !body) return;
    claim(i, previous.find((p) => !claimed.has(p.key) && p.body.trim() === body));
  });
  const taken = new Set([...previous.map((p) => p.key), ...claimed]);
  return sections.map((s, i) => {
    const assigned = result[i];
    if (assigned) return assigned;
    const key = uniqueKey(keySlug(s.heading), taken);
    taken.add(key);
    return { key, continues: null };
  });
}

// ───────────────────────────── paragraphs ─────────────────────────────

function blockTokens(body: string): { blocks: Token[]; definitions: Tokens.Def[] } {
  const tokens = lexer.lexer(body.replace(/\r\n?/g, "\n"));
  return {
    blocks: tokens.filter((t) => t.type !== "space" && t.type !== "def"),
    definitions: tokens.filter((t): t is Tokens.Def => t.type === "def"),
  };
}

/** The paragraphs of a body as people see them: number and the start of the text. */
export function paragraphs(body: string): Array<{ number: number; preview: string }> {
  return blockTokens(body).blocks.map((t, i) => {
    const words = t.raw.replace(/[#>*_`|\\[\]-]+/g, " ").replace(/\s+/g, " ").trim();
    return { number: i + 1, preview: words.length > 80 ? `${words.slice(0, 79)}…` : words };
  });
}

function join(blocks: Token[], definitions: Tokens.Def[]): string {
  const body = blocks.map((t) => t.raw.trim()).join("\n\n");
  const used = definitions.filter((d) => body.toLowerCase().includes(`[${d.tag.toLowerCase()}]`));
  return used.length ? `${body}\n\n${used.map((d) => d.raw.trim()).join("\n")}` : body;
}

export class SectionRuleError extends Error {
  override name = "SectionRuleError";
}

/**
 * Splits a body before paragraph `at` (2 … count): the first part stays with the section,
 * the rest goes to the new one.
 */
export function splitBody(body: string, at: number): [string, string] {
  const { blocks, definitions } = blockTokens(body);
  if (blocks.length < 2) throw new SectionRuleError("This section has only one paragraph: there is nothing to split.");
  if (!Number.isInteger(at) || at < 2 || at > blocks.length) {
    throw new SectionRuleError(`Choose a paragraph from 2 to ${blocks.length} to start the new section.`);
  }
  return [join(blocks.slice(0, at - 1), definitions), join(blocks.slice(at - 1), definitions)];
}

/** Headings inside a body moved one level down (## → ###), for text placed under a new heading. */
function demoteHeadings(body: string): string {
  return lexer
    .lexer(body)
    .map((t) => (t.type === "heading" ? `${"#".repeat(Math.min(6, (t as Tokens.Heading).depth + 1))} ${(t as Tokens.Heading).text}${/\n*$/.exec(t.raw)?.[0] || "\n"}` : t.raw))
    .join("");
}

/**
 * The second section's text joins the first under its own heading, as a sub-heading, so no
 * words are lost; the coordinator can edit the result.
 */
export function mergeBodies(first: { body: string }, second: { heading: string; body: string }): string {
  const parts = [first.body.trim(), `## ${second.heading.replace(/\n/g, " ")}`, demoteHeadings(second.body.trim()).trim()];
  return parts.filter(Boolean).join("\n\n");
}

type Translations = Record<string, { heading?: string; body?: string }>;

/** Translations follow the same rules: merged per language, so no translated words are lost. */
export function mergeTranslations(first: unknown, second: unknown, fallbackHeading: string): Translations {
  const a = (first ?? {}) as Translations;
  const b = (second ?? {}) as Translations;
  const merged: Translations = {};
  for (const language of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const one = a[language] ?? {};
    const two = b[language];
    merged[language] = {
      ...(one.heading ? { heading: one.heading } : {}),
      body: two ? mergeBodies({ body: one.body ?? "" }, { heading: two.heading ?? fallbackHeading, body: two.body ?? "" }) : (one.body ?? ""),
    };
  }
  return merged;
}

/** A translated body is split at the same paragraph when it has the same number of paragraphs. */
export function splitTranslations(translations: unknown, at: number, paragraphCount: number): [Translations, Translations] {
  const source = (translations ?? {}) as Translations;
  const first: Translations = {};
  const second: Translations = {};
  for (const [language, t] of Object.entries(source)) {
    const body = t.body ?? "";
    if (body && blockTokens(body).blocks.length === paragraphCount) {
      const [a, b] = splitBody(body, at);
      first[language] = { ...t, body: a };
      second[language] = { body: b };
    } else first[language] = t;
  }
  return [first, second];
}

/** The keys in their new order after moving one up or down; unchanged at either end. */
export function moveKey(keys: string[], key: string, direction: "up" | "down"): string[] {
  const i = keys.indexOf(key);
  const j = direction === "up" ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= keys.length) return keys;
  const next = [...keys];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}
