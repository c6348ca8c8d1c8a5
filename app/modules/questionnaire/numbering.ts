/**
 * Questions are numbered straight through the round (1 to n, the whole-document questions
 * last), the same on the respondent's pages, the builder, the preview, the results and the
 * exports: "question 14" means one question to everyone. Client-safe.
 */

/** The number of each group's first question, for groups in the order respondents see them. */
export function firstQuestionNumbers(groups: ReadonlyArray<{ questions: readonly unknown[] }>): number[] {
  const firsts: number[] = [];
  let next = 1;
  for (const g of groups) {
    firsts.push(next);
    next += g.questions.length;
  }
  return firsts;
}
