-- Each app server keeps the signed-in members it serves in memory (lib/auth/session-member.ts):
-- name, role, points, session version, suspension and unread count. The database announces
-- every change to any of those on one channel, whatever code or tool made it, and every server
-- listening drops its copy (lib/db/member-changes.ts). A notice is sent when the change
-- commits; several in one transaction for one member arrive as one.
CREATE FUNCTION forum_member_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'User' THEN
    PERFORM pg_notify('forum_member_changed', NEW."id"::text);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('forum_member_changed', OLD."userId"::text);
  ELSE
    PERFORM pg_notify('forum_member_changed', NEW."userId"::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "User_session_fields_changed" AFTER UPDATE OF "username", "role", "points", "sessionVersion", "suspendedUntil" ON "User"
  FOR EACH ROW EXECUTE FUNCTION forum_member_changed();
CREATE TRIGGER "Notification_unread_changed" AFTER INSERT OR DELETE OR UPDATE OF "readAt" ON "Notification"
  FOR EACH ROW EXECUTE FUNCTION forum_member_changed();
