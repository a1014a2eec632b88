-- Suppliers' price lists: what an item costs from a minimum quantity between two dates. Order
-- lines are pre-filled from them.
CREATE TABLE supplier_prices (
    id              INTEGER PRIMARY KEY,
    supplier_id     INTEGER NOT NULL REFERENCES suppliers (id),
    item_code       TEXT,
    description     TEXT NOT NULL,
    -- The item across its price breaks: '#' + the upper-case code, else the folded
    -- description (domain::purchasing::price_list::item_key).
    item_key        TEXT NOT NULL,
    unit            TEXT NOT NULL,
    category_id     INTEGER REFERENCES purchase_categories (id),
    -- Ten-thousandths of the currency unit.
    unit_price      INTEGER NOT NULL CHECK (unit_price >= 0),
    currency        TEXT NOT NULL DEFAULT 'EUR',
    discount_bp     INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
    vat_rate_bp     INTEGER CHECK (vat_rate_bp >= 0),
    vat_nature      TEXT,
    -- Thousandths of the unit: the price holds from this quantity on one line.
    min_quantity    INTEGER NOT NULL DEFAULT 0 CHECK (min_quantity >= 0),
    valid_from      TEXT,
    valid_to        TEXT,
    notes           TEXT,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
-- One supplier's list by item and break (the list's default order, the overlap check and the
-- order form's lookup of one item's breaks).
CREATE INDEX supplier_prices_by_item ON supplier_prices (supplier_id, item_key, min_quantity);
CREATE INDEX supplier_prices_by_price ON supplier_prices (supplier_id, unit_price, id);
CREATE INDEX supplier_prices_by_valid_to ON supplier_prices (supplier_id, valid_to, id);
