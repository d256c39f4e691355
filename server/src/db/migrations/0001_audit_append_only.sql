-- The audit journal is append-only for the application: UPDATE is always refused, DELETE only
-- inside a transaction that purges a whole chain (SET LOCAL tisserand.audit_purge = 'on').
CREATE OR REPLACE FUNCTION tisserand_audit_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('tisserand.audit_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION tisserand_audit_append_only();
