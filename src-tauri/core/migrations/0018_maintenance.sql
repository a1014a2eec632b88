-- Maintenance of IT assets: recurring plans (per asset, per category or per place) and the work
-- log, each entry of which may be the completion of a plan's due date or ad-hoc work on an asset.

CREATE TABLE maintenance_plans (
    id              INTEGER PRIMARY KEY,
    title           TEXT NOT NULL,
    title_key       TEXT NOT NULL,
    description     TEXT,
    -- What the plan is for: exactly one of an asset, a category of assets, a place.
    asset_id        INTEGER REFERENCES assets (id),
    category_id     INTEGER REFERENCES asset_categories (id),
    location_id     INTEGER REFERENCES locations (id),
    -- `Schedule::to_storage` text ("3 months from_completion"), readable in history as is.
    schedule        TEXT NOT NULL,
    -- The day the plan begins to count.
    start_on        TEXT NOT NULL,
    -- The person who does the work; attention items go to the account linked to them.
    assignee_employee_id INTEGER REFERENCES employees (id),
    -- The checklist as a JSON array of strings: it is in the snapshot, so history shows edits.
    checklist       TEXT NOT NULL DEFAULT '[]',
    -- Kept with every completion and schedule change, so lists and attention read an index.
    next_due_on     TEXT NOT NULL,
    last_done_on    TEXT,
    -- The due date the last completion was for: a fixed series continues after it.
    last_due_on     TEXT,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((asset_id IS NOT NULL) + (category_id IS NOT NULL) + (location_id IS NOT NULL) = 1)
);
CREATE INDEX maintenance_plans_by_due ON maintenance_plans (next_due_on);
CREATE INDEX maintenance_plans_by_assignee ON maintenance_plans (assignee_employee_id, next_due_on);
CREATE INDEX maintenance_plans_by_asset ON maintenance_plans (asset_id);
CREATE INDEX maintenance_plans_by_category ON maintenance_plans (category_id);
CREATE INDEX maintenance_plans_by_location ON maintenance_plans (location_id);
CREATE INDEX maintenance_plans_by_title ON maintenance_plans (title_key);

-- The work log. Entries are not edited: a correction is a new entry.
CREATE TABLE maintenance_log (
    id              INTEGER PRIMARY KEY,
    -- NULL for ad-hoc work on an asset.
    plan_id         INTEGER REFERENCES maintenance_plans (id),
    asset_id        INTEGER REFERENCES assets (id),
    done_on         TEXT NOT NULL,
    -- Who did it: their staff record when the account has one, and always the account's name.
    done_by_employee_id INTEGER REFERENCES employees (id),
    done_by         TEXT NOT NULL,
    work            TEXT NOT NULL,
    -- One boolean per item of the plan's checklist at the time, as JSON.
    ticks           TEXT NOT NULL DEFAULT '[]',
    outcome         TEXT NOT NULL CHECK (outcome IN ('done', 'partly', 'failed')),
    reason          TEXT,
    minutes         INTEGER CHECK (minutes >= 0),
    cost_cents      INTEGER CHECK (cost_cents >= 0),
    currency        TEXT NOT NULL DEFAULT 'EUR',
    -- The due date this completion was for; NULL for ad-hoc work.
    due_on          TEXT,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    CHECK (plan_id IS NOT NULL OR asset_id IS NOT NULL),
    CHECK (outcome <> 'failed' OR reason IS NOT NULL)
);
CREATE INDEX maintenance_log_by_plan ON maintenance_log (plan_id, done_on);
CREATE INDEX maintenance_log_by_asset ON maintenance_log (asset_id, done_on);
-- The calendar of a past month and compliance read the log by date.
CREATE INDEX maintenance_log_by_done ON maintenance_log (done_on);
