-- Issue 16 ("the HOMS can force a change at next sign-in for new users"): a user whose password a
-- HOMS set or reset, and asked to be changed, sees only the change-password page after signing in
-- until they choose their own (electron/services/auth/passwordChange.ts). Cleared when the user
-- changes their own password (auth.changePassword), and only then.
ALTER TABLE `app_user` ADD `password_change_required` integer DEFAULT false NOT NULL;
