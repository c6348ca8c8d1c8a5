-- A section's save in one statement (decision 013): app/modules/response/save.server.ts calls
-- save_answers() once per save instead of a transaction of several round trips, because
-- autosaves arrive every few seconds from everyone writing. The rules are those the tests in
-- tests/integration/saving.test.ts describe:
--   * one save of a response at a time (the response row is locked first), so the answers
--     read are the ones overwritten;
--   * a save key seen before answers with the result stored under it (a replay stores
--     nothing); a key of another response is reported as such;
--   * an answer posted unchanged is left alone (no new revision for others to trip on);
--   * an answer based on an older revision than the stored one, which someone else wrote and
--     which holds something, is a conflict: reported with their text, not overwritten;
--   * otherwise the answer is updated (revision + 1) or, if it says something, inserted;
--   * when anything was stored: the response's time and one audit entry; with a key: the receipt.
--
-- posted: [{ "n": 0, "questionId": "...", "choices": [...], "text": "..." | null,
--            "base": 3 | null, "answered": true, "newId": "..." }] (answered and ids from the app).
-- Returns { "result": {stored, revisions, conflicts, savedAt} } or
--         { "replay": <stored result>, "sameResponse": true | false }.
CREATE FUNCTION save_answers(
  response_id TEXT, round_id TEXT, organisation_id TEXT, consultation_id TEXT, user_id TEXT,
  save_key TEXT, posted JSONB, saved_at TIMESTAMP(3), new_response_id TEXT, audit_id TEXT
) RETURNS JSONB LANGUAGE plpgsql AS $$
DECLARE
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
  PERFORM 1 FROM "Response" WHERE id = response_id FOR UPDATE;

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
                  AND a."updatedById" IS DISTINCT FROM user_id THEN 'conflict'
             ELSE 'update' END,
           'theirs', jsonb_build_object('choices', a.choices, 'text', a.text),
           'by', coalesce(u.name, ''),
           'at', to_char(a."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))), '[]')
  INTO decided
  FROM jsonb_to_recordset(posted) AS p(n INT, "questionId" TEXT, choices TEXT[], text TEXT, base INT, answered BOOLEAN, "newId" TEXT)
  LEFT JOIN "Answer" a ON a."responseId" = response_id AND a."questionId" = p."questionId"
  LEFT JOIN "User" u ON u.id = a."updatedById";

  UPDATE "Answer" a SET choices = d.choices, text = d.text, "updatedById" = user_id, revision = a.revision + 1, "updatedAt" = saved_at
  FROM jsonb_to_recordset(decided) AS d("answerId" TEXT, choices TEXT[], text TEXT, action TEXT)
  WHERE d.action = 'update' AND a.id = d."answerId";

  INSERT INTO "Answer" (id, "responseId", "questionId", choices, text, "updatedById", "updatedAt")
  SELECT d."newId", response_id, d."questionId", d.choices, d.text, user_id, saved_at
  FROM jsonb_to_recordset(decided) AS d("newId" TEXT, "questionId" TEXT, choices TEXT[], text TEXT, action TEXT)
  WHERE d.action = 'insert';

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
