-- Reading the written answers (docs/decisions/009-text-answers-and-worklist.md).
-- Only answers that say something (the same test as the per-question counts) are indexed:
-- choice answers have no text, and the partial indexes stay a third of the table.

-- Near-duplicate comments: trigram similarity (a trusted extension, no superuser needed).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Full-text search with the 'simple' configuration: answers come in en/fr/es/ar with no
-- reliable language tag, so no stemming or stop words that would be wrong for three of them.
CREATE INDEX "Answer_text_search_idx" ON "Answer" USING GIN (to_tsvector('simple', coalesce("text", '')))
  WHERE "text" ~ '[^[:space:]]';

-- The paged list of one question's written answers, in a stable order, and "% reviewed"
-- counted from the index alone.
CREATE INDEX "Answer_written_idx" ON "Answer" ("questionId", "id") INCLUDE ("responseId", "reviewedAt")
  WHERE "text" ~ '[^[:space:]]';

CREATE INDEX "Answer_text_trgm_idx" ON "Answer" USING GIN ("text" gin_trgm_ops)
  WHERE "text" ~ '[^[:space:]]';
