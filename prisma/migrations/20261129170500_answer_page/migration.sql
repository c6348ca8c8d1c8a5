-- The same person on two devices (or in two tabs) overwrote their own newer text: a stale
-- save was a conflict only when someone else had written the stored answer. Now each
-- rendering of a section page has an id (the hidden field "page"), stored with what it
-- saved; a stale save from another page is a conflict too, even by the same person. The
-- same page racing itself (an autosave in flight when "Save and continue" is pressed) is not.
ALTER TABLE "Answer" ADD COLUMN "savedFromPage" TEXT;
ALTER TABLE "AnswerDraft" ADD COLUMN "savedFromPage" TEXT;

DROP FUNCTION save_answers(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, JSONB, TIMESTAMP(3), TEXT, TEXT);
CREATE FUNCTION save_answers(
  response_id TEXT, round_id TEXT, organisation_id TEXT, consultation_id TEXT, user_id TEXT,
  save_key TEXT, posted JSONB, saved_at TIMESTAMP(3), new_response_id TEXT, audit_id TEXT, page_id TEXT
) RETURNS JSONB LANGUAGE plpgsql AS $$
DECLARE
  submitted BOOLEAN;
  receipt RECORD;
  decided JSONB;
  outcome JSONB;
BEGIN
  IF response_id IS NULL THEN
    -- The organisation's first save makes its response (or finds the one a racing save made).
    INSERT INTO "Response" (id, "roundId", "organisationId", "updatedAt")
    VALUES (new_response_id, round_id, organisation_id, saved_at)
    ON CONFLICT ("roundId", "organisationId") DO UPDATE SET "roundId" = EXCLUDED."roundId"
    RETURNING id INTO response_id;
  END IF;
  SELECT status = 'SUBMITTED' INTO submitted FROM "Response" WHERE id = response_id FOR UPDATE;

  -- Each statement below sees what committed before the lock was granted.
  SELECT s.result, s."responseId" INTO receipt FROM "SaveReceipt" s WHERE s.key = save_key;
  IF FOUND THEN
    RETURN jsonb_build_object('replay', receipt.result, 'sameResponse', receipt."responseId" = response_id);
  END IF;

  SELECT coalesce(jsonb_agg(jsonb_build_object(
           'n', p.n, 'questionId', p."questionId", 'choices', p.choices, 'text', p.text, 'newId', p."newId",
           'answerId', a.id, 'revision', a.revision,
           'action', CASE
             WHEN a.id IS NULL THEN CASE WHEN p.answered THEN 'insert' ELSE 'skip' END
             WHEN coalesce(a.text, '') = coalesce(p.text, '') AND a.choices = p.choices THEN 'same'
             WHEN p.base IS NOT NULL AND p.base <> a.revision
                  AND (cardinality(a.choices) > 0 OR a.text ~ '[^[:space:]]')
                  AND (a."updatedById" IS DISTINCT FROM user_id
                       OR (page_id IS NOT NULL AND a."savedFromPage" IS DISTINCT FROM page_id)) THEN 'conflict'
             ELSE 'update' END,
           'theirs', jsonb_build_object('choices', a.choices, 'text', a.text),
           'by', coalesce(u.name, ''),
           'at', to_char(a."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))), '[]')
  INTO decided
  FROM jsonb_to_recordset(posted) AS p(n INT, "questionId" TEXT, choices TEXT[], text TEXT, base INT, answered BOOLEAN, "newId" TEXT)
  -- The answer as its writers see it: the draft of a change after submission, else the answer.
  LEFT JOIN LATERAL (
    SELECT x.* FROM (
      SELECT 1 AS rank, d."questionId" AS id, d.choices, d.text, d.revision, d."updatedById", d."updatedAt", d."savedFromPage"
      FROM "AnswerDraft" d WHERE d."responseId" = response_id AND d."questionId" = p."questionId"
      UNION ALL
      SELECT 2, a.id, a.choices, a.text, a.revision, a."updatedById", a."updatedAt", a."savedFromPage"
      FROM "Answer" a WHERE a."responseId" = response_id AND a."questionId" = p."questionId"
    ) x ORDER BY x.rank LIMIT 1
  ) a ON true
  LEFT JOIN "User" u ON u.id = a."updatedById";

  IF submitted THEN
    -- A submitted response stays as submitted for the coordinators: changes wait as drafts
    -- until the organisation submits again (app/modules/response/submission.server.ts).
    INSERT INTO "AnswerDraft" ("responseId", "questionId", choices, text, revision, "updatedById", "updatedAt", "savedFromPage")
    SELECT response_id, d."questionId", d.choices, d.text, coalesce(d.revision, 0) + 1, user_id, saved_at, page_id
    FROM jsonb_to_recordset(decided) AS d("questionId" TEXT, choices TEXT[], text TEXT, revision INT, action TEXT)
    WHERE d.action IN ('update', 'insert')
    ON CONFLICT ("responseId", "questionId") DO UPDATE
      SET choices = EXCLUDED.choices, text = EXCLUDED.text, revision = EXCLUDED.revision,
          "updatedById" = EXCLUDED."updatedById", "updatedAt" = EXCLUDED."updatedAt", "savedFromPage" = EXCLUDED."savedFromPage";
  ELSE
    UPDATE "Answer" a SET choices = d.choices, text = d.text, "updatedById" = user_id, revision = a.revision + 1, "updatedAt" = saved_at, "savedFromPage" = page_id
    FROM jsonb_to_recordset(decided) AS d("answerId" TEXT, choices TEXT[], text TEXT, action TEXT)
    WHERE d.action = 'update' AND a.id = d."answerId";

    INSERT INTO "Answer" (id, "responseId", "questionId", choices, text, "updatedById", "updatedAt", "savedFromPage")
    SELECT d."newId", response_id, d."questionId", d.choices, d.text, user_id, saved_at, page_id
    FROM jsonb_to_recordset(decided) AS d("newId" TEXT, "questionId" TEXT, choices TEXT[], text TEXT, action TEXT)
    WHERE d.action = 'insert';
  END IF;

  SELECT jsonb_build_object(
           'stored', coalesce(jsonb_agg(d."questionId" ORDER BY d.n) FILTER (WHERE d.action IN ('update', 'insert')), '[]'),
           'revisions', coalesce(jsonb_object_agg(d."questionId", CASE d.action WHEN 'update' THEN d.revision + 1 WHEN 'insert' THEN 1 ELSE d.revision END)
                                   FILTER (WHERE d.action <> 'skip'), '{}'),
           'conflicts', coalesce(jsonb_agg(jsonb_build_object('questionId', d."questionId", 'theirs', d.theirs, 'revision', d.revision, 'by', d."by", 'at', d."at") ORDER BY d.n)
                                   FILTER (WHERE d.action = 'conflict'), '[]'),
           'savedAt', to_char(saved_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
  INTO outcome
  FROM jsonb_to_recordset(decided) AS d(n INT, "questionId" TEXT, action TEXT, revision INT, theirs JSONB, "by" TEXT, "at" TEXT);

  IF jsonb_array_length(outcome->'stored') > 0 THEN
    UPDATE "Response" SET "updatedAt" = saved_at WHERE id = response_id;
    INSERT INTO "AuditEvent" (id, at, "actorId", action, "entityType", "entityId", "consultationId", data)
    VALUES (audit_id, saved_at, user_id, 'response.answers-saved', 'Response', response_id, consultation_id,
            jsonb_build_object('questions', outcome->'stored')
            || CASE WHEN jsonb_array_length(outcome->'conflicts') > 0
                    THEN jsonb_build_object('conflicts', (SELECT jsonb_agg(c->'questionId') FROM jsonb_array_elements(outcome->'conflicts') c))
                    ELSE '{}'::jsonb END);
  END IF;
  IF save_key IS NOT NULL THEN
    INSERT INTO "SaveReceipt" (key, "responseId", result) VALUES (save_key, response_id, outcome);
  END IF;
  RETURN jsonb_build_object('result', outcome);
END;
$$;

CREATE OR REPLACE FUNCTION apply_answer_drafts(response_id TEXT) RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
  applied INTEGER;
BEGIN
  UPDATE "Answer" a
  SET choices = d.choices, text = d.text, revision = d.revision, "updatedById" = d."updatedById", "updatedAt" = d."updatedAt", "savedFromPage" = d."savedFromPage",
      "reviewedAt" = CASE WHEN a.text IS NOT DISTINCT FROM d.text AND a.choices IS NOT DISTINCT FROM d.choices THEN a."reviewedAt" END,
      "reviewedById" = CASE WHEN a.text IS NOT DISTINCT FROM d.text AND a.choices IS NOT DISTINCT FROM d.choices THEN a."reviewedById" END
  FROM "AnswerDraft" d
  WHERE d."responseId" = response_id AND a."responseId" = response_id AND a."questionId" = d."questionId";

  INSERT INTO "Answer" (id, "responseId", "questionId", choices, text, revision, "updatedById", "updatedAt", "savedFromPage")
  SELECT gen_random_uuid()::text, response_id, d."questionId", d.choices, d.text, d.revision, d."updatedById", d."updatedAt", d."savedFromPage"
  FROM "AnswerDraft" d
  WHERE d."responseId" = response_id
    AND NOT EXISTS (SELECT 1 FROM "Answer" a WHERE a."responseId" = response_id AND a."questionId" = d."questionId");

  DELETE FROM "AnswerDraft" WHERE "responseId" = response_id;
  GET DIAGNOSTICS applied = ROW_COUNT;
  RETURN applied;
END;
$$;
