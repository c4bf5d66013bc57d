-- The audit log's append-only rule covers TRUNCATE too: a row trigger does not fire on
-- TRUNCATE, which empties the table at once. (The app's own role may not truncate it
-- at all, lib/db/roles.ts; this stops every other role that has not first switched
-- the trigger off — a deliberate, visible act of the table's owner or a superuser.)
CREATE TRIGGER "AuditEntry_no_truncate"
  BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_append_only"();
