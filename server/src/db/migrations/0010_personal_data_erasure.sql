-- Erasure of personal data (docs/personal-data.md). The audit journal stays append-only, with one
-- narrow exception: inside a transaction that declared an erasure
-- (SET LOCAL tisserand.erasure = 'on'), an UPDATE may replace an entry's `changes` by the erased
-- marker, and change nothing else. DELETE is still allowed only when a whole chain is purged.
CREATE OR REPLACE FUNCTION tisserand_audit_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('tisserand.audit_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE'
    AND current_setting('tisserand.erasure', true) = 'on'
    AND NEW.changes = '{"erased": {"before": null, "after": true}}'::jsonb
    AND (to_jsonb(NEW) - 'changes') = (to_jsonb(OLD) - 'changes') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
