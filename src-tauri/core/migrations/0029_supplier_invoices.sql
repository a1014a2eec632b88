-- Supplier invoices: read from FatturaPA files (the original kept as an attachment, its SHA-256
-- recorded) or entered by hand. Lines, VAT summary, due dates and order references are rows of
-- their own so the three-way match and the due-payments report read them from indexes.

CREATE TABLE supplier_invoices (
    id              INTEGER PRIMARY KEY,
    supplier_id     INTEGER NOT NULL REFERENCES suppliers (id),
    number          TEXT NOT NULL,
    -- Upper-cased, for the global search and the list's search by number.
    number_key      TEXT NOT NULL,
    invoice_date    TEXT NOT NULL,
    -- TipoDocumento: TD01 invoice, TD04 credit note, …
    document_type   TEXT NOT NULL CHECK (document_type GLOB 'TD[0-9][0-9]'),
    currency        TEXT NOT NULL DEFAULT 'EUR',
    taxable_cents   INTEGER NOT NULL,
    tax_cents       INTEGER NOT NULL,
    -- ImportoTotaleDocumento when the file gives it, else taxable + tax + stamp duty.
    total_cents     INTEGER NOT NULL,
    stamp_duty_cents INTEGER,
    -- The earliest due date, so the list sorts by it from an index.
    first_due_date  TEXT,
    source          TEXT NOT NULL CHECK (source IN ('fatturapa', 'manual')),
    -- FPR12 or FPA12 for an imported invoice.
    format          TEXT CHECK (format IN ('FPR12', 'FPA12')),
    -- The original file as received (the .p7m itself when signed): its name, SHA-256 and which
    -- FatturaElettronicaBody of it this invoice is. The file is one of the invoice's attachments.
    file_name       TEXT,
    file_sha256     TEXT,
    body_index      INTEGER,
    signature       TEXT NOT NULL DEFAULT 'none'
                        CHECK (signature IN ('none', 'intact', 'not_checked')),
    signer          TEXT,
    -- Supplier and customer as the file writes them (JSON), for the readable layout.
    parties         TEXT,
    -- The reader's warnings, kept so the page shows them: JSON [{code, path, params}].
    warnings        TEXT NOT NULL DEFAULT '[]',
    warning_count   INTEGER NOT NULL DEFAULT 0,
    reason          TEXT,
    notes           TEXT,
    status          TEXT NOT NULL DEFAULT 'to_match'
                        CHECK (status IN ('to_match', 'matched', 'approved_for_payment')),
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    -- The duplicate rule: the same supplier's number on the same date is one invoice.
    UNIQUE (supplier_id, number, invoice_date),
    CHECK ((source = 'fatturapa') = (file_sha256 IS NOT NULL))
);
CREATE INDEX supplier_invoices_by_date ON supplier_invoices (invoice_date DESC, id DESC);
CREATE INDEX supplier_invoices_by_status ON supplier_invoices (status, invoice_date DESC, id DESC);
CREATE INDEX supplier_invoices_by_supplier ON supplier_invoices (supplier_id, invoice_date DESC, id DESC);
CREATE INDEX supplier_invoices_by_total ON supplier_invoices (total_cents, id);
CREATE INDEX supplier_invoices_by_due ON supplier_invoices (first_due_date, id);
CREATE INDEX supplier_invoices_by_number ON supplier_invoices (number_key, id);
CREATE INDEX supplier_invoices_by_file ON supplier_invoices (file_sha256) WHERE file_sha256 IS NOT NULL;

CREATE TABLE supplier_invoice_lines (
    id              INTEGER PRIMARY KEY,
    invoice_id      INTEGER NOT NULL REFERENCES supplier_invoices (id),
    position        INTEGER NOT NULL,
    -- NumeroLinea as written.
    line_number     INTEGER NOT NULL,
    item_code       TEXT,
    description     TEXT NOT NULL,
    -- Thousandths of the unit, rounded half-up from what was written (kept in quantity_text);
    -- none for a flat amount.
    quantity        INTEGER,
    quantity_text   TEXT,
    unit            TEXT,
    -- Ten-thousandths of the currency unit, rounded likewise (unit_price_text as written).
    unit_price      INTEGER NOT NULL,
    unit_price_text TEXT NOT NULL,
    -- Discounts and surcharges in cascade as written (JSON), for the readable layout.
    adjustments     TEXT,
    vat_rate_bp     INTEGER NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 9999),
    vat_nature      TEXT,
    total_cents     INTEGER NOT NULL,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (invoice_id, position)
);

CREATE TABLE supplier_invoice_vat (
    id              INTEGER PRIMARY KEY,
    invoice_id      INTEGER NOT NULL REFERENCES supplier_invoices (id),
    vat_rate_bp     INTEGER NOT NULL,
    vat_nature      TEXT,
    taxable_cents   INTEGER NOT NULL,
    tax_cents       INTEGER NOT NULL,
    -- EsigibilitaIVA: I immediate, D deferred, S split payment.
    chargeability   TEXT,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX supplier_invoice_vat_by_invoice ON supplier_invoice_vat (invoice_id);

CREATE TABLE supplier_invoice_dues (
    id              INTEGER PRIMARY KEY,
    invoice_id      INTEGER NOT NULL REFERENCES supplier_invoices (id),
    position        INTEGER NOT NULL,
    due_date        TEXT,
    amount_cents    INTEGER NOT NULL,
    -- ModalitaPagamento MP01…MP23 (MP05 bank transfer).
    method          TEXT,
    iban            TEXT,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (invoice_id, position)
);
-- The due-payments report reads by date.
CREATE INDEX supplier_invoice_dues_by_date ON supplier_invoice_dues (due_date, id);

CREATE TABLE supplier_invoice_order_refs (
    id              INTEGER PRIMARY KEY,
    invoice_id      INTEGER NOT NULL REFERENCES supplier_invoices (id),
    -- DatiOrdineAcquisto/IdDocumento as the supplier wrote it.
    document_id     TEXT NOT NULL,
    ref_date        TEXT,
    -- RiferimentoNumeroLinea, JSON [n, …]; empty means the whole invoice.
    line_numbers    TEXT NOT NULL DEFAULT '[]',
    -- Our purchase order when the number is one of ours.
    order_id        INTEGER REFERENCES purchase_orders (id),
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX supplier_invoice_order_refs_by_invoice ON supplier_invoice_order_refs (invoice_id);
CREATE INDEX supplier_invoice_order_refs_by_order ON supplier_invoice_order_refs (order_id)
    WHERE order_id IS NOT NULL;
