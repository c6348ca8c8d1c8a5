-- Results pages and written-answer search at 100,000 responses (decisions 008 and 009).
-- On an existing large database this migration takes minutes (the bench database, 5.7 M
-- answers on a busy 2-core machine: about 5, half the backfill, half the search index).
-- Like every migration, it runs as one script in one transaction (shim 4 of decision 001):
-- all of it is applied, or nothing.

-- CreateTable
CREATE TABLE "ResultTally" (
    "roundId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "option" TEXT NOT NULL,
    "typeId" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "languages" TEXT NOT NULL,
    "survivorLed" BOOLEAN NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ResultTally_pkey" PRIMARY KEY ("roundId","questionId","option","typeId","country","languages","survivorLed")
);

-- AddForeignKey
ALTER TABLE "ResultTally" ADD CONSTRAINT "ResultTally_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What one answer counts for, as the results query counted it: a choice question's answer
-- counts once per option chosen and once as "answered" ('') if anything is chosen, a written
-- answer counts as "answered" when it holds more than whitespace.
CREATE FUNCTION result_tally_options(question_type "QuestionType", choices TEXT[], body TEXT) RETURNS SETOF TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT option FROM unnest(CASE WHEN question_type IN ('SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'AGREEMENT', 'YES_NO') THEN choices END) AS option
  UNION ALL
  SELECT '' WHERE CASE WHEN question_type IN ('SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'AGREEMENT', 'YES_NO')
                       THEN cardinality(choices) > 0 ELSE body ~ '[^[:space:]]' END
$$;

-- The languages of an organisation as one key: sorted, space-separated (filters split it again).
CREATE FUNCTION result_tally_languages(languages TEXT[]) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_to_string(ARRAY(SELECT DISTINCT l FROM unnest(languages) AS l ORDER BY l), ' '), '')
$$;

-- Tally rows (with `sign` as count) of one answer, if its response is submitted, under the
-- organisation's current profile.
CREATE FUNCTION result_tally_of_answer(response_id TEXT, question_id TEXT, choices TEXT[], body TEXT, sign INTEGER) RETURNS SETOF "ResultTally"
LANGUAGE sql STABLE AS $$
  SELECT r."roundId", q.id, option, o."typeId", coalesce(o.country, ''), result_tally_languages(o.languages), o."survivorLed", sign
  FROM "Response" r
  JOIN "Organisation" o ON o.id = r."organisationId"
  JOIN "Question" q ON q.id = question_id
  CROSS JOIN LATERAL result_tally_options(q.type, choices, body) AS option
  WHERE r.id = response_id AND r.status = 'SUBMITTED'
$$;

-- Tally rows of a whole response (its denominator row and every answer), if submitted.
CREATE FUNCTION result_tally_of_response(response_id TEXT, sign INTEGER) RETURNS SETOF "ResultTally"
LANGUAGE sql STABLE AS $$
  SELECT r."roundId", '', '', o."typeId", coalesce(o.country, ''), result_tally_languages(o.languages), o."survivorLed", sign
  FROM "Response" r JOIN "Organisation" o ON o.id = r."organisationId"
  WHERE r.id = response_id AND r.status = 'SUBMITTED'
  UNION ALL
  SELECT t.* FROM "Answer" a CROSS JOIN LATERAL result_tally_of_answer(a."responseId", a."questionId", a.choices, a.text, sign) AS t
  WHERE a."responseId" = response_id
$$;

-- Adds deltas, summed per key first. Keys are locked in sorted order so that two
-- transactions touching the same counts (two submissions of one profile) queue, not deadlock.
CREATE FUNCTION result_tally_add(deltas "ResultTally"[]) RETURNS VOID
LANGUAGE sql AS $$
  INSERT INTO "ResultTally" AS t
  SELECT d."roundId", d."questionId", d.option, d."typeId", d.country, d.languages, d."survivorLed", sum(d.count)
  FROM unnest(deltas) AS d
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(d.count) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("roundId", "questionId", option, "typeId", country, languages, "survivorLed")
  DO UPDATE SET count = t.count + excluded.count
$$;

-- Answers: per statement (autosave writes one row, the bench generator millions at once).
CREATE FUNCTION answer_result_tally() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM result_tally_add(ARRAY(SELECT t FROM new_rows a, result_tally_of_answer(a."responseId", a."questionId", a.choices, a.text, 1) AS t));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM result_tally_add(ARRAY(
      SELECT t FROM new_rows a, result_tally_of_answer(a."responseId", a."questionId", a.choices, a.text, 1) AS t
      UNION ALL
      SELECT t FROM old_rows a, result_tally_of_answer(a."responseId", a."questionId", a.choices, a.text, -1) AS t));
  ELSE
    -- A response being deleted is gone by now and its answers count nothing here: the
    -- response's own trigger took them off before.
    PERFORM result_tally_add(ARRAY(SELECT t FROM old_rows a, result_tally_of_answer(a."responseId", a."questionId", a.choices, a.text, -1) AS t));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Answer_result_tally_insert" AFTER INSERT ON "Answer" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION answer_result_tally();
CREATE TRIGGER "Answer_result_tally_update" AFTER UPDATE ON "Answer" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION answer_result_tally();
CREATE TRIGGER "Answer_result_tally_delete" AFTER DELETE ON "Answer" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION answer_result_tally();

-- Responses and organisations: per row, taking a response's counts off before a change (from
-- the rows as they still are) and putting them back after it (from the rows as they are now).
CREATE FUNCTION response_result_tally_off() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM result_tally_add(ARRAY(SELECT result_tally_of_response(OLD.id, -1)));
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;

CREATE FUNCTION response_result_tally_on() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM result_tally_add(ARRAY(SELECT result_tally_of_response(NEW.id, 1)));
  RETURN NULL;
END
$$;

CREATE TRIGGER "Response_result_tally_off" BEFORE UPDATE OF status, "organisationId" ON "Response"
  FOR EACH ROW WHEN (OLD.status = 'SUBMITTED' AND (NEW.status <> 'SUBMITTED' OR NEW."organisationId" <> OLD."organisationId"))
  EXECUTE FUNCTION response_result_tally_off();
CREATE TRIGGER "Response_result_tally_deleted" BEFORE DELETE ON "Response"
  FOR EACH ROW WHEN (OLD.status = 'SUBMITTED') EXECUTE FUNCTION response_result_tally_off();
CREATE TRIGGER "Response_result_tally_on" AFTER UPDATE OF status, "organisationId" ON "Response"
  FOR EACH ROW WHEN (NEW.status = 'SUBMITTED' AND (OLD.status <> 'SUBMITTED' OR NEW."organisationId" <> OLD."organisationId"))
  EXECUTE FUNCTION response_result_tally_on();
CREATE TRIGGER "Response_result_tally_inserted" AFTER INSERT ON "Response"
  FOR EACH ROW WHEN (NEW.status = 'SUBMITTED') EXECUTE FUNCTION response_result_tally_on();

CREATE FUNCTION organisation_result_tally() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM result_tally_add(ARRAY(
    SELECT t FROM "Response" r, result_tally_of_response(r.id, CASE WHEN TG_WHEN = 'BEFORE' THEN -1 ELSE 1 END) AS t
    WHERE r."organisationId" = OLD.id AND r.status = 'SUBMITTED'));
  RETURN NEW; -- ignored after the update
END
$$;

CREATE TRIGGER "Organisation_result_tally_off" BEFORE UPDATE OF "typeId", country, languages, "survivorLed" ON "Organisation"
  FOR EACH ROW WHEN ((OLD."typeId", OLD.country, OLD.languages, OLD."survivorLed") IS DISTINCT FROM (NEW."typeId", NEW.country, NEW.languages, NEW."survivorLed"))
  EXECUTE FUNCTION organisation_result_tally();
CREATE TRIGGER "Organisation_result_tally_on" AFTER UPDATE OF "typeId", country, languages, "survivorLed" ON "Organisation"
  FOR EACH ROW WHEN ((OLD."typeId", OLD.country, OLD.languages, OLD."survivorLed") IS DISTINCT FROM (NEW."typeId", NEW.country, NEW.languages, NEW."survivorLed"))
  EXECUTE FUNCTION organisation_result_tally();

-- Backfill: every submitted response already there, in one pass, written in key order so that
-- a section's rows lie together on disk (a results page then reads a few pages, not thousands).
SET work_mem = '256MB';
INSERT INTO "ResultTally"
SELECT r."roundId", k."questionId", k.option, o."typeId", coalesce(o.country, ''), result_tally_languages(o.languages), o."survivorLed", count(*)
FROM "Response" r
JOIN "Organisation" o ON o.id = r."organisationId"
CROSS JOIN LATERAL (
  SELECT '' AS "questionId", '' AS option
  UNION ALL
  SELECT a."questionId", option
  FROM "Answer" a JOIN "Question" q ON q.id = a."questionId"
  CROSS JOIN LATERAL result_tally_options(q.type, a.choices, a.text) AS option
  WHERE a."responseId" = r.id
) k
WHERE r.status = 'SUBMITTED'
GROUP BY 1, 2, 3, 4, 5, 6, 7
ORDER BY 1, 2, 3, 4, 5, 6, 7;

-- Search within one question (decision 009): the question is part of the full-text index
-- (btree_gin, a trusted extension), so a common word's candidates are that question's answers
-- only, not every question's. It replaces the index on the text alone.
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX "Answer_question_text_search_idx" ON "Answer" USING GIN ("questionId", to_tsvector('simple', coalesce("text", '')))
  WHERE "text" ~ '[^[:space:]]';

DROP INDEX "Answer_text_search_idx";
