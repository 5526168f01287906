-- Passwords issued by someone else (an administrator's reset, a new account, a trainee import, a generated first
-- administrator) must be replaced at the next sign-in (issue 15 item 18). Existing accounts are left as they are.
-- Portable SQL: the same script runs on H2 (default) and PostgreSQL (postgres profile).

alter table user_account add column password_change_required boolean not null default false;
