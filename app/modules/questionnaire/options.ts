/**
 * Option ids of single- and multiple-choice questions. Answers store option ids, so an id
 * must keep meaning the same thing: a label-only fix keeps the id; only adding or removing
 * options changes the set of ids (and then, once answered, the question is retired).
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

export type OptionPlan = {
  options: QuestionOption[];
  /** Same ids as before (perhaps relabelled or reordered): answers keep their meaning. */
  sameIds: boolean;
  relabelled: Array<{ id: string; from: string; to: string }>;
};

/**
 * Matches the new labels (one per line, in order) to the old options: the same label, then
 * the same slug (a change of case or punctuation), then, when as many lines remain on both
 * sides, the remaining ones in order (a spelling fix). Anything else is a new option.
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
  const open = ids.flatMap((id, i) => (id === null ? [i] : []));
  if (open.length > 0 && open.length === unused.size) {
    const rest = [...unused.values()];
    open.forEach((i, n) => {
      ids[i] = rest[n]!.id;
      unused.delete(rest[n]!.id);
    });
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
