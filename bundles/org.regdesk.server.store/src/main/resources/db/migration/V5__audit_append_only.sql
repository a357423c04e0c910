-- The audit chain only grows (issue #16). On PostgreSQL a trigger refuses UPDATE, DELETE and TRUNCATE of audit
-- records for every role; only the table's owner could drop it, and the server's own role is not the owner when
-- database.owner.user is set (migrations run as the owner, the server's role may only read and add records).
-- The embedded database (one development node) has no such trigger.
-- postgresql only
CREATE OR REPLACE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit records are append-only: % refused', TG_OP; END $$;
CREATE TRIGGER audit_records_no_change BEFORE UPDATE OR DELETE ON audit_records FOR EACH ROW EXECUTE FUNCTION audit_records_append_only();
CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only();
-- end postgresql
