-- The names other systems know a person by (a Snipe-IT username), so that their files find
-- the employee: an asset file's "Checked Out To: Username" names the holder this way.
CREATE TABLE person_aliases (
    id          INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    -- The system the alias comes from ('snipe_it').
    source      TEXT NOT NULL,
    alias       TEXT NOT NULL,
    -- Folded alias: one person per alias and source, whatever the case it was typed in.
    alias_key   TEXT NOT NULL,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (source, alias_key)
);
CREATE INDEX person_aliases_by_employee ON person_aliases (employee_id);
