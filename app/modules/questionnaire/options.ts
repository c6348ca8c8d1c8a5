/**
 * Option ids of single- and multiple-choice questions. Answers store option ids, so an id
 * must keep meaning the same thing: a spelling fix keeps the id; a new label that is not
 * close to an old one is a different option, and adding, removing or replacing options
 * changes the set of ids (and then, once answered, the question is retired).
 */
import type { QuestionOption } from "./questions";

export function optionSlug(label: string) {
  const slug = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40)
    .replace(/-$/, "");
  return slug || "option";
}

/** Lower case, no accents, single spaces: what a spelling comparison should ignore. */
function normalised(label: string) {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

function levenshtein(a: string, b: string) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** Edits needed, as a share of the longer label: 0 the same, 1 nothing in common. */
export function labelDistance(a: string, b: string) {
  const [x, y] = [normalised(a), normalised(b)];
  const longer = Math.max(x.length, y.length);
  return longer === 0 ? 0 : levenshtein(x, y) / longer;
}

/** "Somtimes" → "Sometimes" is a spelling fix; "Sometimes" → "Rarely" is another option. */
export const SPELLING_FIX_MAX_DISTANCE = 0.3;

export type OptionPlan = {
  options: QuestionOption[];
  /** Same ids as before (perhaps relabelled or reordered): answers keep their meaning. */
  sameIds: boolean;
  relabelled: Array<{ id: string; from: string; to: string }>;
};

/**
 * Matches the new labels (one per line, in order) to the old options: the same label, then
 * the same slug (a change of case, punctuation or spacing), then the closest remaining old
 * label if close enough to be a spelling fix (labelDistance ≤ SPELLING_FIX_MAX_DISTANCE).
 * Anything else is a new option: never an old id by position, which would re-label the
 * answers already given.
 */
export function planOptions(old: QuestionOption[], labels: string[]): OptionPlan {
  const unused = new Map(old.map((o) => [o.id, o]));
  const ids: Array<string | null> = labels.map(() => null);
  const claim = (i: number, match: (o: QuestionOption) => boolean) => {
    const found = [...unused.values()].find(match);
    if (!found) return;
    ids[i] = found.id;
    unused.delete(found.id);
  };
  labels.forEach((label, i) => claim(i, (o) => o.label.trim().toLowerCase() === label.toLowerCase()));
  labels.forEach((label, i) => ids[i] ?? claim(i, (o) => optionSlug(o.label) === optionSlug(label)));
  // Closest pairs first, so a fix to one label cannot take another label's option.
  const candidates = labels
    .flatMap((label, i) => (ids[i] === null ? [...unused.values()].map((o) => ({ i, id: o.id, distance: labelDistance(o.label, label) })) : []))
    .filter((c) => c.distance <= SPELLING_FIX_MAX_DISTANCE)
    .sort((a, b) => a.distance - b.distance || a.i - b.i);
  for (const c of candidates) {
    if (ids[c.i] !== null || !unused.has(c.id)) continue;
    ids[c.i] = c.id;
    unused.delete(c.id);
  }

  const taken = new Set(ids.filter((id): id is string => id !== null));
  const options = labels.map((label, i) => {
    let id = ids[i];
    if (!id) {
      const base = optionSlug(label);
      id = base;
      for (let n = 2; taken.has(id) || unused.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
    }
    return { id, label };
  });
  const before = new Map(old.map((o) => [o.id, o.label]));
  return {
    options,
    sameIds: old.length === options.length && options.every((o) => before.has(o.id)),
    relabelled: options.flatMap((o) => {
      const from = before.get(o.id);
      return from !== undefined && from !== o.label ? [{ id: o.id, from, to: o.label }] : [];
    }),
  };
}
