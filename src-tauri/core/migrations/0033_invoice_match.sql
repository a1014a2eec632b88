-- The three-way match of supplier invoices: each invoice line confirmed against an order line
-- (what it adds to the line's invoiced quantity and amount, negative for a credit note), the
-- differences found beyond the tolerances with who accepted each and why, the suppliers' own
-- tolerances, and the invoice's approval for payment.

CREATE TABLE supplier_invoice_matches (
    id              INTEGER PRIMARY KEY,
    invoice_id      INTEGER NOT NULL REFERENCES supplier_invoices (id),
    -- The invoice line's NumeroLinea.
    invoice_line    INTEGER NOT NULL,
    order_id        INTEGER NOT NULL REFERENCES purchase_orders (id),
    order_line_id   INTEGER NOT NULL REFERENCES purchase_order_lines (id),
    -- The order line's position, as the user saw it.
    order_line      INTEGER NOT NULL,
    -- Thousandths and cents this line adds to the order line's invoiced figures.
    quantity_delta  INTEGER NOT NULL,
    amount_delta_cents INTEGER NOT NULL,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (invoice_id, invoice_line)
);
-- "Invoiced per order line" (net of credit notes) is a sum over this index alone.
CREATE INDEX supplier_invoice_matches_by_order_line
    ON supplier_invoice_matches (order_line_id, quantity_delta, amount_delta_cents);

CREATE TABLE supplier_invoice_differences (
    id              INTEGER PRIMARY KEY,
    invoice_id      INTEGER NOT NULL REFERENCES supplier_invoices (id),
    match_id        INTEGER NOT NULL REFERENCES supplier_invoice_matches (id),
    invoice_line    INTEGER NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('quantity', 'price', 'vat_rate')),
    -- The figures of the difference (domain::purchasing::match3::Difference as JSON).
    figures         TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted')),
    accepted_by     INTEGER REFERENCES users (id),
    accepted_at     TEXT,
    reason          TEXT,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((state = 'accepted') = (reason IS NOT NULL AND accepted_by IS NOT NULL))
);
CREATE INDEX supplier_invoice_differences_by_invoice
    ON supplier_invoice_differences (invoice_id, state);
CREATE INDEX supplier_invoice_differences_by_match ON supplier_invoice_differences (match_id);

-- A supplier's own tolerances, replacing the global ones (purchasing_rules.match_*) for it.
CREATE TABLE supplier_match_tolerances (
    id              INTEGER PRIMARY KEY,
    supplier_id     INTEGER NOT NULL UNIQUE REFERENCES suppliers (id),
    qty_bp          INTEGER NOT NULL CHECK (qty_bp BETWEEN 0 AND 5000),
    price_bp        INTEGER NOT NULL CHECK (price_bp BETWEEN 0 AND 5000),
    price_cents     INTEGER NOT NULL CHECK (price_cents >= 0),
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

-- Kept by the match and by accepting a difference, so the lists and the attention item tell
-- "matched with open differences" from "matched, waiting for approval" from an index.
ALTER TABLE supplier_invoices ADD COLUMN open_differences INTEGER NOT NULL DEFAULT 0;
ALTER TABLE supplier_invoices ADD COLUMN approved_by INTEGER REFERENCES users (id);
ALTER TABLE supplier_invoices ADD COLUMN approved_at TEXT;
CREATE INDEX supplier_invoices_waiting
    ON supplier_invoices (status, open_differences, invoice_date DESC, id DESC)
    WHERE status <> 'approved_for_payment';

-- "Received, not yet invoiced": the order lines with goods received beyond what was invoiced.
CREATE INDEX purchase_order_lines_to_invoice
    ON purchase_order_lines (order_id, position) WHERE received > invoiced;
