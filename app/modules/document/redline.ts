/**
 * A word-level redline of one text against another (the respondent's proposed wording against
 * the section's text). Client-safe and dependency-free: a longest-common-subsequence over
 * words, after trimming the common start and end so an edit in a long section stays cheap.
 */
export type RedlinePart = { kind: "same" | "ins" | "del"; text: string };

/** Words with the whitespace that follows them, so joining the parts gives the text back. */
export function words(text: string): string[] {
  return text.match(/\s+|[^\s]+\s*/g) ?? [];
}

// Above this many LCS cells (a wholesale rewrite of a very long text) a plain "all deleted,
// all inserted" is as readable and keeps the browser responsive.
const MAX_CELLS = 4_000_000;

/**
 * Words are compared without their trailing whitespace (a new paragraph after "them." does not
 * make "them." a change); unchanged words are shown as the new text has them.
 */
export function redline(before: string, after: string): RedlinePart[] {
  const a = words(before);
  const b = words(after);
  const ka = a.map((w) => w.trimEnd());
  const kb = b.map((w) => w.trimEnd());
  let start = 0;
  while (start < a.length && start < b.length && ka[start] === kb[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && ka[endA - 1] === kb[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: RedlinePart[] = [];
  const push = (kind: RedlinePart["kind"], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  push("same", b.slice(0, start).join(""));
  const midA = ka.slice(start, endA);
  const midB = kb.slice(start, endB);
  const wordA = a.slice(start, endA);
  const wordB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n * m > MAX_CELLS) {
    push("del", wordA.join(""));
    push("ins", wordB.join(""));
  } else {
    // lengths[i * (m + 1) + j]: LCS length of midA[i..] and midB[j..]
    const lengths = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i * (m + 1) + j] =
          midA[i] === midB[j] ? lengths[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lengths[(i + 1) * (m + 1) + j]!, lengths[i * (m + 1) + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        push("same", wordB[j++]!);
        i++;
      } else if (lengths[(i + 1) * (m + 1) + j]! >= lengths[i * (m + 1) + j + 1]!) push("del", wordA[i++]!);
      else push("ins", wordB[j++]!);
    }
    while (i < n) push("del", wordA[i++]!);
    while (j < m) push("ins", wordB[j++]!);
  }
  push("same", b.slice(endB).join(""));
  return parts;
}

/**
 * For reading a long text: an unchanged run longer than `keep` words on each side of a
 * change is cut to its ends, with null marking what was left out.
 */
export function condense(parts: RedlinePart[], keep = 12): Array<RedlinePart | null> {
  const out: Array<RedlinePart | null> = [];
  parts.forEach((p, i) => {
    const w = p.kind === "same" ? words(p.text) : [];
    if (p.kind !== "same" || w.length <= keep * 2 + 4) return out.push(p);
    const first = i === 0;
    const last = i === parts.length - 1;
    if (!first) out.push({ kind: "same", text: w.slice(0, keep).join("") });
    out.push(null);
    if (!last) out.push({ kind: "same", text: w.slice(-keep).join("") });
  });
  return out;
}

export const hasChanges = (parts: RedlinePart[]) => parts.some((p) => p.kind !== "same");
