-- Accounts: who may sign in and with which roles.

CREATE TABLE users (
    id                   INTEGER PRIMARY KEY,
    username             TEXT NOT NULL UNIQUE,
    full_name            TEXT NOT NULL,
    -- Argon2id PHC string; never the password.
    password_hash        TEXT NOT NULL,
    -- Comma-separated role names, sorted, from the app's closed list.
    roles                TEXT NOT NULL,
    active               INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    version              INTEGER NOT NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);

-- Wrong-password counters. Kept apart from users on purpose: they change on every failed
-- sign-in, which history records as an event instead of as an edit of the account.
CREATE TABLE sign_in_throttle (
    username      TEXT PRIMARY KEY,
    failures      INTEGER NOT NULL,
    blocked_until TEXT
);
