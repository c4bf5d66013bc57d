-- Login attempts are counted before the password is checked, per email (known or not),
-- in LoginThrottle ("account:<email>" rows) instead of on the User row
-- (lib/security/login-throttle.ts).
ALTER TABLE "LoginThrottle" ADD COLUMN     "lockedUntil" TIMESTAMP(3);

-- Carry over the failures and the locks that are current.
INSERT INTO "LoginThrottle" ("key", "count", "windowStart", "lockedUntil")
SELECT 'account:' || lower("email"), "failedLoginCount", now(),
       CASE WHEN "lockedUntil" > now() THEN "lockedUntil" END
FROM "User"
WHERE "failedLoginCount" > 0 OR "lockedUntil" > now()
ON CONFLICT ("key") DO NOTHING;

-- AlterTable
ALTER TABLE "User" DROP COLUMN "failedLoginCount",
DROP COLUMN "lockedUntil";
