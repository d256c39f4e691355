ALTER TABLE "chains" ADD COLUMN "data_revision" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The chain's data revision (server/src/http/answer-cache.ts): every statement that writes one of
-- the chain's entity tables raises it, in the same transaction, so that a cached list answer is
-- stale for every server the moment the write commits. Statement-level triggers: an import of ten
-- thousand actors raises it once. The high-volume tables that no cached answer reads
-- (observations and their roll-ups, the audit journal, notifications, import progress) have none.
CREATE OR REPLACE FUNCTION chain_revision_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE chains SET data_revision = data_revision + 1 WHERE id IN (SELECT DISTINCT chain_id FROM new_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION chain_revision_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- When the whole chain is deleted, its row is already gone: the update finds nothing.
  UPDATE chains SET data_revision = data_revision + 1 WHERE id IN (SELECT DISTINCT chain_id FROM old_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'members', 'stages', 'actors', 'actor_stages', 'contacts', 'flows', 'intents', 'gap_dismissals',
    'indicators', 'campaigns', 'success_stories', 'goals', 'commitments', 'initiatives',
    'convenings', 'interactions', 'introductions', 'resources', 'proposals', 'proposal_positions',
    'agreements', 'agreement_versions', 'agreement_signatures', 'conflicts', 'conflict_sessions',
    'ideas', 'serendipity', 'reports'
  ] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION chain_revision_after_write()', t || '_revision_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION chain_revision_after_write()', t || '_revision_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION chain_revision_after_delete()', t || '_revision_delete', t);
  END LOOP;
END $$;
