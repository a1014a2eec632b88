-- Receiving: each delivery against a purchase order, the quantity of each order line it
-- brought, and the IT assets it created. `purchase_order_lines.received` and the order's
-- status are kept by the same writes.

CREATE TABLE purchase_receipts (
    id              INTEGER PRIMARY KEY,
    order_id        INTEGER NOT NULL REFERENCES purchase_orders (id),
    -- The order's supplier, copied so the list filters and sorts by it from an index.
    supplier_id     INTEGER NOT NULL REFERENCES suppliers (id),
    received_on     TEXT NOT NULL,
    -- The supplier's delivery note (DDT).
    delivery_note   TEXT,
    delivery_note_date TEXT,
    received_by     INTEGER NOT NULL REFERENCES users (id),
    notes           TEXT,
    -- A reversed receipt stays, with who reversed it, when and why; its quantities no longer
    -- count.
    reversed_at     TEXT,
    reversed_by     INTEGER REFERENCES users (id),
    reversal_reason TEXT,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((reversed_at IS NULL) = (reversal_reason IS NULL))
);
CREATE INDEX purchase_receipts_by_date ON purchase_receipts (received_on DESC, id DESC);
CREATE INDEX purchase_receipts_by_order ON purchase_receipts (order_id, received_on DESC, id DESC);
CREATE INDEX purchase_receipts_by_supplier
    ON purchase_receipts (supplier_id, received_on DESC, id DESC);

CREATE TABLE purchase_receipt_lines (
    id              INTEGER PRIMARY KEY,
    receipt_id      INTEGER NOT NULL REFERENCES purchase_receipts (id),
    order_line_id   INTEGER NOT NULL REFERENCES purchase_order_lines (id),
    -- Thousandths of the order line's unit.
    quantity        INTEGER NOT NULL CHECK (quantity > 0),
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    UNIQUE (receipt_id, order_line_id)
);
CREATE INDEX purchase_receipt_lines_by_order_line ON purchase_receipt_lines (order_line_id);

-- The assets a receipt line created (one per unit), so a reversal finds them.
CREATE TABLE purchase_receipt_assets (
    id              INTEGER PRIMARY KEY,
    receipt_line_id INTEGER NOT NULL REFERENCES purchase_receipt_lines (id),
    asset_id        INTEGER NOT NULL UNIQUE REFERENCES assets (id),
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX purchase_receipt_assets_by_line ON purchase_receipt_assets (receipt_line_id);

-- "Orders to receive": the orders waiting for goods, by delivery date (none last).
CREATE INDEX purchase_orders_to_receive
    ON purchase_orders (delivery_date IS NULL, delivery_date, id)
    WHERE status IN ('approved', 'sent', 'partly_received');
