-- Purchasing's first tables: the kinds of goods and services bought, the suppliers, the
-- categories each supplier sells and the people to talk to there.

-- An editable list (retired, never deleted). Each category says how much more than ordered may
-- be received of its goods before a receipt is refused.
CREATE TABLE purchase_categories (
    id          INTEGER PRIMARY KEY,
    code        TEXT UNIQUE,
    name_it     TEXT NOT NULL,
    name_en     TEXT,
    name_key    TEXT NOT NULL UNIQUE,
    -- Over-receipt tolerance in basis points (500 = 5 %); 0 refuses any excess.
    over_receipt_bp INTEGER NOT NULL DEFAULT 0 CHECK (over_receipt_bp BETWEEN 0 AND 10000),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE suppliers (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    name_key        TEXT NOT NULL,
    -- VAT number as country + code ('IT01234567890', 'DE123456789'): Italian ones pass their
    -- check digit, foreign ones are kept as typed, upper case and without separators.
    vat_number      TEXT UNIQUE,
    fiscal_code     TEXT,
    street          TEXT,
    postcode        TEXT,
    city            TEXT,
    province        TEXT,
    country         TEXT NOT NULL DEFAULT 'IT',
    email           TEXT,
    pec             TEXT,
    -- The SdI recipient code (7 characters; '0000000' when invoices go to the PEC).
    sdi_code        TEXT,
    phone           TEXT,
    website         TEXT,
    iban            TEXT,
    -- Stored form of the payment terms (domain::purchasing::payment_terms).
    payment_terms   TEXT,
    -- 1 to 5 stars, or not rated.
    rating          INTEGER CHECK (rating BETWEEN 1 AND 5),
    status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked')),
    blocked_reason  TEXT,
    blocked_on      TEXT,
    notes           TEXT,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((status = 'blocked') = (blocked_reason IS NOT NULL))
);
CREATE INDEX suppliers_by_name ON suppliers (name_key, id);
CREATE INDEX suppliers_by_status ON suppliers (status, name_key, id);
CREATE INDEX suppliers_by_city ON suppliers (city COLLATE NOCASE, name_key, id);
CREATE INDEX suppliers_by_rating ON suppliers (rating, name_key, id);

-- Which categories a supplier sells: one row each, so a change is one history entry.
CREATE TABLE supplier_categories (
    id          INTEGER PRIMARY KEY,
    supplier_id INTEGER NOT NULL REFERENCES suppliers (id),
    category_id INTEGER NOT NULL REFERENCES purchase_categories (id),
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (supplier_id, category_id)
);
CREATE INDEX supplier_categories_by_category ON supplier_categories (category_id, supplier_id);

CREATE TABLE supplier_contacts (
    id          INTEGER PRIMARY KEY,
    supplier_id INTEGER NOT NULL REFERENCES suppliers (id),
    name        TEXT NOT NULL,
    role        TEXT,
    email       TEXT,
    phone       TEXT,
    notes       TEXT,
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX supplier_contacts_by_supplier ON supplier_contacts (supplier_id);

-- Files that expire, by area: the attention lists of suppliers' certificates (and any later
-- area's) read the current versions by date without walking every file.
CREATE INDEX attachments_expiry ON attachments (entity, expires_on)
    WHERE superseded_by IS NULL AND expires_on IS NOT NULL;
