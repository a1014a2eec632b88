-- Foundation: organisation settings, departments, per-user preferences and the change history.
-- Every tracked table has an INTEGER id so history rows can point at it.

CREATE TABLE organisation (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL,
    vat_number  TEXT,
    street      TEXT,
    postal_code TEXT,
    city        TEXT,
    province    TEXT,
    country     TEXT NOT NULL,
    currency    TEXT NOT NULL,
    locale      TEXT NOT NULL,
    -- Idle minutes before the app locks and asks for the password again.
    auto_lock_minutes INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE departments (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    -- Unicode lower-cased name/code, filled by the app: case-insensitive uniqueness and search.
    name_key    TEXT NOT NULL UNIQUE,
    code        TEXT,
    code_key    TEXT UNIQUE,
    head        TEXT,
    cost_centre TEXT,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX departments_active_name ON departments (active, name_key);

CREATE TABLE preferences (
    id    INTEGER PRIMARY KEY,
    -- Whose preference: the person working (operating-system user until accounts exist).
    scope TEXT NOT NULL,
    key   TEXT NOT NULL,
    value TEXT NOT NULL,
    UNIQUE (scope, key)
);

-- Append-only, hash-chained record of every change, and of events worth proving later: reads of
-- sensitive records ('read') and security events such as sign-ins and refusals ('event').
CREATE TABLE changes (
    id        INTEGER PRIMARY KEY,
    actor     TEXT NOT NULL,
    at        TEXT NOT NULL,
    entity    TEXT NOT NULL,
    row_id    INTEGER NOT NULL,
    op        TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'read', 'event')),
    before    TEXT,
    after     TEXT,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX changes_entity_row ON changes (entity, row_id, id);
CREATE INDEX changes_actor ON changes (actor, id);
CREATE INDEX changes_at ON changes (at);
