-- Supplier invoices found by their number or by what they bill: trigram indexes of the numbers
-- and of the lines' descriptions and codes, kept by triggers, for the global search. A number
-- fragment ("0042") scanned every invoice's number, and a line's words were not searched at all.
CREATE VIEW supplier_invoices_search (id, number) AS
    SELECT id, number FROM supplier_invoices;
CREATE VIRTUAL TABLE supplier_invoices_fts USING fts5 (
    number,
    tokenize = 'trigram remove_diacritics 1',
    content = 'supplier_invoices_search',
    content_rowid = 'id',
    columnsize = 0
);
INSERT INTO supplier_invoices_fts (supplier_invoices_fts) VALUES ('rebuild');
CREATE TRIGGER supplier_invoices_fts_on_insert AFTER INSERT ON supplier_invoices BEGIN
    INSERT INTO supplier_invoices_fts (rowid, number) VALUES (NEW.id, NEW.number);
END;
CREATE TRIGGER supplier_invoices_fts_on_update AFTER UPDATE OF number ON supplier_invoices
WHEN OLD.number IS NOT NEW.number BEGIN
    INSERT INTO supplier_invoices_fts (supplier_invoices_fts, rowid, number)
    VALUES ('delete', OLD.id, OLD.number);
    INSERT INTO supplier_invoices_fts (rowid, number) VALUES (NEW.id, NEW.number);
END;
CREATE TRIGGER supplier_invoices_fts_on_delete AFTER DELETE ON supplier_invoices BEGIN
    INSERT INTO supplier_invoices_fts (supplier_invoices_fts, rowid, number)
    VALUES ('delete', OLD.id, OLD.number);
END;

CREATE VIEW supplier_invoice_lines_search (id, description, item_code) AS
    SELECT id, description, item_code FROM supplier_invoice_lines;
CREATE VIRTUAL TABLE supplier_invoice_lines_fts USING fts5 (
    description,
    item_code,
    tokenize = 'trigram remove_diacritics 1',
    content = 'supplier_invoice_lines_search',
    content_rowid = 'id',
    columnsize = 0
);
INSERT INTO supplier_invoice_lines_fts (supplier_invoice_lines_fts) VALUES ('rebuild');
CREATE TRIGGER supplier_invoice_lines_fts_on_insert AFTER INSERT ON supplier_invoice_lines BEGIN
    INSERT INTO supplier_invoice_lines_fts (rowid, description, item_code)
    VALUES (NEW.id, NEW.description, NEW.item_code);
END;
CREATE TRIGGER supplier_invoice_lines_fts_on_update
AFTER UPDATE OF description, item_code ON supplier_invoice_lines BEGIN
    INSERT INTO supplier_invoice_lines_fts (supplier_invoice_lines_fts, rowid, description, item_code)
    VALUES ('delete', OLD.id, OLD.description, OLD.item_code);
    INSERT INTO supplier_invoice_lines_fts (rowid, description, item_code)
    VALUES (NEW.id, NEW.description, NEW.item_code);
END;
CREATE TRIGGER supplier_invoice_lines_fts_on_delete AFTER DELETE ON supplier_invoice_lines BEGIN
    INSERT INTO supplier_invoice_lines_fts (supplier_invoice_lines_fts, rowid, description, item_code)
    VALUES ('delete', OLD.id, OLD.description, OLD.item_code);
END;
