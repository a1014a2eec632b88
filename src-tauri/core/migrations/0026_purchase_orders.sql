-- Purchase orders: the rules an administrator sets (approval tiers, quotes, match tolerances),
-- the orders with their lines, and every approval given.

-- One row: purchasing's rules. Approval tiers are rows of their own below.
CREATE TABLE purchasing_rules (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    -- Orders whose net amount (euro cents) is above this need `quotes_required` offers.
    quotes_above_cents INTEGER CHECK (quotes_above_cents >= 0),
    quotes_required INTEGER NOT NULL DEFAULT 3 CHECK (quotes_required BETWEEN 1 AND 10),
    -- Three-way match tolerances: quantity and price in basis points, price in cents.
    match_qty_bp    INTEGER NOT NULL DEFAULT 0 CHECK (match_qty_bp BETWEEN 0 AND 5000),
    match_price_bp  INTEGER NOT NULL DEFAULT 0 CHECK (match_price_bp BETWEEN 0 AND 5000),
    match_price_cents INTEGER NOT NULL DEFAULT 0 CHECK (match_price_cents >= 0),
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

-- Who approves an order, by its net amount in euro: the first tier whose bound is not below it.
CREATE TABLE approval_tiers (
    id              INTEGER PRIMARY KEY,
    position        INTEGER NOT NULL UNIQUE,
    up_to_cents     INTEGER CHECK (up_to_cents >= 0),
    approver        TEXT NOT NULL CHECK (approver IN ('purchasing', 'manager', 'admin')),
    approvals_needed INTEGER NOT NULL CHECK (approvals_needed IN (1, 2)),
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE purchase_orders (
    id              INTEGER PRIMARY KEY,
    -- OA-2026-0001: given at the first complete approval, in order, never reused.
    number          TEXT UNIQUE,
    number_year     INTEGER,
    number_seq      INTEGER,
    supplier_id     INTEGER NOT NULL REFERENCES suppliers (id),
    department_id   INTEGER REFERENCES departments (id),
    requested_by    INTEGER NOT NULL REFERENCES users (id),
    status          TEXT NOT NULL CHECK (status IN ('draft', 'pending_approval', 'approved',
                        'sent', 'partly_received', 'received', 'closed', 'cancelled')),
    order_date      TEXT NOT NULL,
    currency        TEXT NOT NULL DEFAULT 'EUR',
    -- Units of the currency for one euro, in millionths; none for euro.
    exchange_rate   INTEGER CHECK (exchange_rate > 0),
    delivery_address TEXT,
    delivery_date   TEXT,
    payment_terms   TEXT,
    notes           TEXT,
    -- Totals as computed from the lines (domain::purchasing::totals), kept for lists and sums.
    taxable_cents   INTEGER NOT NULL DEFAULT 0,
    tax_cents       INTEGER NOT NULL DEFAULT 0,
    total_cents     INTEGER NOT NULL DEFAULT 0,
    -- The net in euro cents the approval tiers compare.
    approval_cents  INTEGER NOT NULL DEFAULT 0,
    -- Approvals count only in the current round: a change that needs approving again starts
    -- the next one.
    approval_round  INTEGER NOT NULL DEFAULT 0,
    -- While waiting: the least role that may approve, for "waiting for my approval".
    approver_role   TEXT CHECK (approver_role IN ('purchasing', 'manager', 'admin')),
    approved_on     TEXT,
    sent_on         TEXT,
    -- Why it was cancelled or closed early.
    status_reason   TEXT,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (number_year, number_seq),
    CHECK ((number IS NULL) = (number_seq IS NULL))
);
CREATE INDEX purchase_orders_by_status ON purchase_orders (status, order_date DESC, id DESC);
CREATE INDEX purchase_orders_by_supplier ON purchase_orders (supplier_id, order_date DESC, id DESC);
CREATE INDEX purchase_orders_by_department ON purchase_orders (department_id, order_date DESC, id DESC);
CREATE INDEX purchase_orders_by_date ON purchase_orders (order_date DESC, id DESC);
CREATE INDEX purchase_orders_by_total ON purchase_orders (total_cents, id);
CREATE INDEX purchase_orders_by_number ON purchase_orders (number_year, number_seq, id);
CREATE INDEX purchase_orders_by_delivery ON purchase_orders (delivery_date, id);
CREATE INDEX purchase_orders_waiting ON purchase_orders (approver_role, id)
    WHERE status = 'pending_approval';

CREATE TABLE purchase_order_lines (
    id              INTEGER PRIMARY KEY,
    order_id        INTEGER NOT NULL REFERENCES purchase_orders (id),
    position        INTEGER NOT NULL,
    item_code       TEXT,
    description     TEXT NOT NULL,
    category_id     INTEGER REFERENCES purchase_categories (id),
    -- Thousandths of the unit.
    quantity        INTEGER NOT NULL CHECK (quantity > 0),
    unit            TEXT NOT NULL,
    -- Ten-thousandths of the currency unit.
    unit_price      INTEGER NOT NULL CHECK (unit_price >= 0),
    discount_bp     INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
    vat_rate_bp     INTEGER NOT NULL CHECK (vat_rate_bp >= 0),
    vat_nature      TEXT,
    net_cents       INTEGER NOT NULL,
    -- Received and invoiced so far, thousandths: kept by receipts and the match in the same
    -- transaction as theirs.
    received        INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0),
    invoiced        INTEGER NOT NULL DEFAULT 0,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (order_id, position)
);
CREATE INDEX purchase_order_lines_by_category ON purchase_order_lines (category_id);

CREATE TABLE purchase_order_approvals (
    id              INTEGER PRIMARY KEY,
    order_id        INTEGER NOT NULL REFERENCES purchase_orders (id),
    round           INTEGER NOT NULL,
    user_id         INTEGER NOT NULL REFERENCES users (id),
    -- The approving role the person had: purchasing, manager or admin.
    role            TEXT NOT NULL CHECK (role IN ('purchasing', 'manager', 'admin')),
    -- The amount approved, euro cents net.
    amount_cents    INTEGER NOT NULL,
    approved_at     TEXT NOT NULL,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    UNIQUE (order_id, round, user_id)
);
CREATE INDEX purchase_order_approvals_by_user ON purchase_order_approvals (user_id, order_id);
