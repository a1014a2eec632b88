-- IT assets: categories (an editable list), locations (sites and the rooms in them), the assets
-- and who or where holds each one.

-- A category: laptop, desktop, server… Entries are retired, never deleted (store/retired_list).
CREATE TABLE asset_categories (
    id          INTEGER PRIMARY KEY,
    code        TEXT UNIQUE,
    name_it     TEXT NOT NULL,
    name_en     TEXT,
    name_key    TEXT NOT NULL UNIQUE,
    -- How tags of this category look: a prefix and a run of '#' for the number ('PC-#####').
    tag_pattern TEXT NOT NULL,
    -- Straight-line depreciation per year in basis points (2000 = 20 %), editable.
    depreciation_bp INTEGER NOT NULL DEFAULT 0 CHECK (depreciation_bp BETWEEN 0 AND 10000),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- Sites, buildings, floors and rooms: a tree. A site is a location without a parent; networks
-- belong to sites.
CREATE TABLE locations (
    id          INTEGER PRIMARY KEY,
    parent_id   INTEGER REFERENCES locations (id),
    kind        TEXT NOT NULL CHECK (kind IN ('site', 'building', 'floor', 'room', 'other')),
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,
    address     TEXT,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    -- Two rooms may share a name in different buildings, not in the same one.
    UNIQUE (parent_id, name_key)
);
CREATE INDEX locations_by_parent ON locations (parent_id);

CREATE TABLE assets (
    id              INTEGER PRIMARY KEY,
    tag             TEXT NOT NULL,
    -- Upper-cased tag: unique whatever the case it was typed in.
    tag_key         TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    name_key        TEXT NOT NULL,
    category_id     INTEGER NOT NULL REFERENCES asset_categories (id),
    manufacturer    TEXT,
    model           TEXT,
    serial          TEXT,
    -- A free name until purchasing keeps suppliers.
    supplier_name   TEXT,
    order_number    TEXT,
    purchase_date   TEXT,
    cost_cents      INTEGER CHECK (cost_cents >= 0),
    currency        TEXT NOT NULL DEFAULT 'EUR',
    warranty_end    TEXT,
    location_id     INTEGER REFERENCES locations (id),
    department_id   INTEGER REFERENCES departments (id),
    status          TEXT NOT NULL
        CHECK (status IN ('in_use', 'in_stock', 'in_repair', 'retired', 'lost')),
    -- When it was retired, lost or stolen.
    status_date     TEXT,
    notes           TEXT,
    -- Who holds it now, kept with every check-out and check-in so lists filter on it; the
    -- events are in asset_checkouts.
    holder_employee_id INTEGER REFERENCES employees (id),
    holder_location_id INTEGER REFERENCES locations (id),
    -- Physical inventory: when it was last seen and when it is next to be.
    last_checked_on TEXT,
    next_check_on   TEXT,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK (holder_employee_id IS NULL OR holder_location_id IS NULL)
);
-- Every sort and filter of the list reads its page from an index (each holds the row id, the
-- tie-break).
CREATE INDEX assets_by_name ON assets (name_key);
CREATE INDEX assets_by_category ON assets (category_id, name_key);
CREATE INDEX assets_by_status ON assets (status, name_key);
CREATE INDEX assets_by_location ON assets (location_id, name_key);
CREATE INDEX assets_by_department ON assets (department_id, name_key);
CREATE INDEX assets_by_holder ON assets (holder_employee_id);
CREATE INDEX assets_by_warranty ON assets (warranty_end);
CREATE INDEX assets_by_purchase ON assets (purchase_date);
CREATE INDEX assets_by_updated ON assets (updated_at);
CREATE INDEX assets_by_next_check ON assets (next_check_on);
CREATE INDEX assets_by_serial ON assets (serial);

-- A check-out to a person or a place, open until checked in.
CREATE TABLE asset_checkouts (
    id              INTEGER PRIMARY KEY,
    asset_id        INTEGER NOT NULL REFERENCES assets (id),
    employee_id     INTEGER REFERENCES employees (id),
    location_id     INTEGER REFERENCES locations (id),
    out_on          TEXT NOT NULL,
    expected_return TEXT,
    out_condition   TEXT,
    in_on           TEXT,
    in_condition    TEXT,
    note            TEXT,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((employee_id IS NULL) <> (location_id IS NULL))
);
CREATE INDEX asset_checkouts_by_asset ON asset_checkouts (asset_id, out_on);
CREATE INDEX asset_checkouts_by_employee ON asset_checkouts (employee_id, in_on);
-- At most one open check-out per asset.
CREATE UNIQUE INDEX asset_checkouts_open ON asset_checkouts (asset_id) WHERE in_on IS NULL;
-- Hand-overs late back, for the attention list.
CREATE INDEX asset_checkouts_due ON asset_checkouts (expected_return) WHERE in_on IS NULL;
