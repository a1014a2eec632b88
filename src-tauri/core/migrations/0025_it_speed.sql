-- The asset search's doubtful rows: those whose tag, name, serial or model hold a character
-- outside printable ASCII, where the trigram index (which folds accents and all case) and the
-- list's LIKE test (ASCII case only) may disagree. Only these are tested again after the index
-- names its matches (store/assets/list_search.rs); the terms must stay word for word the same.
CREATE INDEX assets_not_plain ON assets (id)
    WHERE (coalesce(tag_key, '') || ' ' || coalesce(name_key, '') || ' '
     || coalesce(serial, '') || ' ' || coalesce(model, '')) GLOB '*[^ -~]*';

-- The maintenance calendar reads a month of the work log by day: this index holds all it shows
-- of an entry (plan, asset, outcome, and the work for ad-hoc entries), so the rows are not
-- read. It leads with the day as the index it replaces did, which serves the same reads.
CREATE INDEX maintenance_log_calendar ON maintenance_log (done_on, plan_id, asset_id, outcome, work);
DROP INDEX maintenance_log_by_done;

-- Home's leavers still holding assets: each of thousands of former employees is looked up among
-- the open hand-overs only (a few pages), not among every hand-over ever made.
CREATE INDEX asset_checkouts_open_by_employee ON asset_checkouts (employee_id, out_on, asset_id)
    WHERE in_on IS NULL;

-- An asset's tag and name by id, for the calendar's many entries: a small index instead of the
-- assets' wide rows.
CREATE INDEX assets_label ON assets (id, tag, name);
