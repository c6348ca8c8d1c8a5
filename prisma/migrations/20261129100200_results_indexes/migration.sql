-- Results pages (decision 008): the answers of one question, read with their response and
-- choices from the index alone (index-only scans), so a section's counts never visit the
-- table's pages. Prisma's schema cannot express INCLUDE or a partial index: SQL only.
CREATE INDEX "Answer_questionId_responseId_choices_idx" ON "Answer" ("questionId", "responseId") INCLUDE ("choices");

-- Written answers that say something (the same condition as the results query), by question.
CREATE INDEX "Answer_questionId_responseId_written_idx" ON "Answer" ("questionId", "responseId") WHERE "text" ~ '[^[:space:]]';
