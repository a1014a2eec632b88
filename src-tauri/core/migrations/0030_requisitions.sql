-- Requisitions (what a department needs, approved before anything is bought), the requests for
-- quotation sent to suppliers from them, the offers received, and on the order what it came
-- from: the requisition, the chosen offer, the reason for the choice and how many valid offers
-- were compared.

CREATE TABLE requisitions (
    id              INTEGER PRIMARY KEY,
    -- RDA-2026-0001, given when the requisition is written.
    number          TEXT NOT NULL UNIQUE,
    number_year     INTEGER NOT NULL,
    number_seq      INTEGER NOT NULL,
    requested_by    INTEGER NOT NULL REFERENCES users (id),
    department_id   INTEGER REFERENCES departments (id),
    reason          TEXT NOT NULL,
    needed_by       TEXT,
    status          TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved',
                        'rejected', 'ordered')),
    -- Why it was rejected.
    status_reason   TEXT,
    -- The estimated net of its lines, euro cents: the approval tiers compare it.
    estimate_cents  INTEGER NOT NULL DEFAULT 0,
    -- While submitted: the least role that may approve it (the order tiers on the estimate).
    approver_role   TEXT CHECK (approver_role IN ('purchasing', 'manager', 'admin')),
    approved_by     INTEGER REFERENCES users (id),
    approved_on     TEXT,
    -- The order it became.
    order_id        INTEGER REFERENCES purchase_orders (id),
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (number_year, number_seq)
);
CREATE INDEX requisitions_by_date ON requisitions (created_at DESC, id DESC);
CREATE INDEX requisitions_by_status ON requisitions (status, created_at DESC, id DESC);
CREATE INDEX requisitions_by_department ON requisitions (department_id, created_at DESC, id DESC);
CREATE INDEX requisitions_by_requester ON requisitions (requested_by, created_at DESC, id DESC);
CREATE INDEX requisitions_by_needed ON requisitions (needed_by, id);
-- "Waiting for my approval": the submitted ones, few at any time.
CREATE INDEX requisitions_waiting ON requisitions (approver_role, id) WHERE status = 'submitted';

CREATE TABLE requisition_lines (
    id              INTEGER PRIMARY KEY,
    requisition_id  INTEGER NOT NULL REFERENCES requisitions (id),
    position        INTEGER NOT NULL,
    item_code       TEXT,
    description     TEXT NOT NULL,
    category_id     INTEGER REFERENCES purchase_categories (id),
    -- Thousandths of the unit.
    quantity        INTEGER NOT NULL CHECK (quantity > 0),
    unit            TEXT NOT NULL,
    -- Ten-thousandths of a euro; none when nobody knows yet.
    estimated_price INTEGER CHECK (estimated_price >= 0),
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (requisition_id, position)
);

-- One request for quotation per supplier per requisition.
CREATE TABLE rfqs (
    id              INTEGER PRIMARY KEY,
    requisition_id  INTEGER NOT NULL REFERENCES requisitions (id),
    supplier_id     INTEGER NOT NULL REFERENCES suppliers (id),
    status          TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'answered', 'declined',
                        'chosen', 'not_chosen')),
    sent_on         TEXT,
    reply_by        TEXT,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (requisition_id, supplier_id)
);
CREATE INDEX rfqs_by_supplier ON rfqs (supplier_id, id);

-- The supplier's answer to one request.
CREATE TABLE rfq_offers (
    id              INTEGER PRIMARY KEY,
    rfq_id          INTEGER NOT NULL UNIQUE REFERENCES rfqs (id),
    delivery_days   INTEGER NOT NULL CHECK (delivery_days BETWEEN 0 AND 3650),
    valid_until     TEXT NOT NULL,
    conditions      TEXT,
    -- The net of its lines, euro cents.
    total_cents     INTEGER NOT NULL,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE rfq_offer_lines (
    id              INTEGER PRIMARY KEY,
    offer_id        INTEGER NOT NULL REFERENCES rfq_offers (id),
    requisition_line_id INTEGER NOT NULL REFERENCES requisition_lines (id),
    -- Ten-thousandths of a euro.
    unit_price      INTEGER NOT NULL CHECK (unit_price >= 0),
    discount_bp     INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
    net_cents       INTEGER NOT NULL,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (offer_id, requisition_line_id)
);

-- What an order came from, kept with it.
ALTER TABLE purchase_orders ADD COLUMN requisition_id INTEGER REFERENCES requisitions (id);
ALTER TABLE purchase_orders ADD COLUMN rfq_id INTEGER REFERENCES rfqs (id);
ALTER TABLE purchase_orders ADD COLUMN choice_reason TEXT;
-- Valid offers compared when the choice was made (none for an order not made from quotes).
ALTER TABLE purchase_orders ADD COLUMN quotes_compared INTEGER;
