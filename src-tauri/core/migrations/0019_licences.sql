-- Software and its licences, the seats each licence hands out, and consumables (toner, cables,
-- keyboards) with every stock movement.

-- A product as bought: one row per name and version.
CREATE TABLE software_products (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    publisher   TEXT,
    product_version TEXT,
    -- Folded name and version: "Office 2021" once, whatever the case it was typed in.
    name_key    TEXT NOT NULL,
    product_version_key TEXT NOT NULL DEFAULT '',
    notes       TEXT,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (name_key, product_version_key)
);

CREATE TABLE licences (
    id              INTEGER PRIMARY KEY,
    product_id      INTEGER NOT NULL REFERENCES software_products (id),
    -- The key itself is never in history nor in any list: history holds its digest, so a
    -- change of key is still recorded and verify still sees a key edited outside the app.
    licence_key     TEXT,
    key_digest      TEXT,
    kind            TEXT NOT NULL
        CHECK (kind IN ('per_seat', 'per_device', 'site', 'subscription')),
    seats           INTEGER NOT NULL CHECK (seats >= 1),
    purchase_date   TEXT,
    expiry_date     TEXT,
    cost_cents      INTEGER CHECK (cost_cents >= 0),
    currency        TEXT NOT NULL DEFAULT 'EUR',
    supplier_name   TEXT,
    order_number    TEXT,
    notes           TEXT,
    retired         INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK (expiry_date IS NULL OR purchase_date IS NULL OR expiry_date > purchase_date)
);
CREATE INDEX licences_by_product ON licences (product_id);
CREATE INDEX licences_by_expiry ON licences (retired, expiry_date);

-- A seat held by a person or a device, open until released.
CREATE TABLE licence_seats (
    id          INTEGER PRIMARY KEY,
    licence_id  INTEGER NOT NULL REFERENCES licences (id),
    employee_id INTEGER REFERENCES employees (id),
    asset_id    INTEGER REFERENCES assets (id),
    assigned_on TEXT NOT NULL,
    released_on TEXT,
    note        TEXT,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK ((employee_id IS NULL) <> (asset_id IS NULL)),
    CHECK (released_on IS NULL OR released_on >= assigned_on)
);
CREATE INDEX licence_seats_by_licence ON licence_seats (licence_id, released_on);
CREATE INDEX licence_seats_by_employee ON licence_seats (employee_id, released_on);
CREATE INDEX licence_seats_by_asset ON licence_seats (asset_id, released_on);
-- The same person or device holds one seat of a licence at a time.
CREATE UNIQUE INDEX licence_seats_open_employee ON licence_seats (licence_id, employee_id)
    WHERE released_on IS NULL AND employee_id IS NOT NULL;
CREATE UNIQUE INDEX licence_seats_open_asset ON licence_seats (licence_id, asset_id)
    WHERE released_on IS NULL AND asset_id IS NOT NULL;

CREATE TABLE consumables (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    name_key        TEXT NOT NULL UNIQUE,
    category        TEXT NOT NULL CHECK (category IN ('toner', 'cable', 'peripheral', 'other')),
    unit            TEXT NOT NULL,
    stock           INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
    min_level       INTEGER NOT NULL DEFAULT 0 CHECK (min_level >= 0),
    location_id     INTEGER REFERENCES locations (id),
    supplier_name   TEXT,
    unit_cost_cents INTEGER CHECK (unit_cost_cents >= 0),
    currency        TEXT NOT NULL DEFAULT 'EUR',
    notes           TEXT,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX consumables_by_category ON consumables (category, name_key);
-- What is below its minimum, for the attention list: the same terms as its query.
CREATE INDEX consumables_below_minimum ON consumables (name_key)
    WHERE active = 1 AND stock < min_level;

-- Stock in (+) and out (-); an issue may name who took it.
CREATE TABLE consumable_moves (
    id              INTEGER PRIMARY KEY,
    consumable_id   INTEGER NOT NULL REFERENCES consumables (id),
    quantity        INTEGER NOT NULL CHECK (quantity <> 0),
    employee_id     INTEGER REFERENCES employees (id),
    moved_on        TEXT NOT NULL,
    note            TEXT,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK (employee_id IS NULL OR quantity < 0)
);
CREATE INDEX consumable_moves_by_item ON consumable_moves (consumable_id, moved_on);
CREATE INDEX consumable_moves_by_employee ON consumable_moves (employee_id, moved_on);
