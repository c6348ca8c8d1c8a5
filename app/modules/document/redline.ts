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

export function redline(before: string, after: string): RedlinePart[] {
  const a = words(before);
  const b = words(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
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
  push("same", a.slice(0, start).join(""));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n * m > MAX_CELLS) {
    push("del", midA.join(""));
    push("ins", midB.join(""));
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
        push("same", midA[i++]!);
        j++;
      } else if (lengths[(i + 1) * (m + 1) + j]! >= lengths[i * (m + 1) + j + 1]!) push("del", midA[i++]!);
      else push("ins", midB[j++]!);
    }
    while (i < n) push("del", midA[i++]!);
    while (j < m) push("ins", midB[j++]!);
  }
  push("same", a.slice(endA).join(""));
  return parts;
}

export const hasChanges = (parts: RedlinePart[]) => parts.some((p) => p.kind !== "same");
