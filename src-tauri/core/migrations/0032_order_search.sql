-- Orders found by their number or by what they buy: trigram indexes of the numbers and of the
-- lines' descriptions and codes, kept by triggers, for the global search and the order list's.
-- A number fragment ("0012") or a word of a description scanned every order or line.
CREATE VIEW purchase_orders_search (id, number) AS
    SELECT id, number FROM purchase_orders;
CREATE VIRTUAL TABLE purchase_orders_fts USING fts5 (
    number,
    tokenize = 'trigram remove_diacritics 1',
    content = 'purchase_orders_search',
    content_rowid = 'id',
    columnsize = 0
);
INSERT INTO purchase_orders_fts (purchase_orders_fts) VALUES ('rebuild');
CREATE TRIGGER purchase_orders_fts_on_insert AFTER INSERT ON purchase_orders
WHEN NEW.number IS NOT NULL BEGIN
    INSERT INTO purchase_orders_fts (rowid, number) VALUES (NEW.id, NEW.number);
END;
CREATE TRIGGER purchase_orders_fts_on_update AFTER UPDATE OF number ON purchase_orders
WHEN OLD.number IS NOT NEW.number BEGIN
    INSERT INTO purchase_orders_fts (purchase_orders_fts, rowid, number)
        SELECT 'delete', OLD.id, OLD.number WHERE OLD.number IS NOT NULL;
    INSERT INTO purchase_orders_fts (rowid, number)
        SELECT NEW.id, NEW.number WHERE NEW.number IS NOT NULL;
END;
CREATE TRIGGER purchase_orders_fts_on_delete AFTER DELETE ON purchase_orders
WHEN OLD.number IS NOT NULL BEGIN
    INSERT INTO purchase_orders_fts (purchase_orders_fts, rowid, number)
    VALUES ('delete', OLD.id, OLD.number);
END;

CREATE VIEW purchase_order_lines_search (id, description, item_code) AS
    SELECT id, description, item_code FROM purchase_order_lines;
CREATE VIRTUAL TABLE purchase_order_lines_fts USING fts5 (
    description,
    item_code,
    tokenize = 'trigram remove_diacritics 1',
    content = 'purchase_order_lines_search',
    content_rowid = 'id',
    columnsize = 0
);
INSERT INTO purchase_order_lines_fts (purchase_order_lines_fts) VALUES ('rebuild');
CREATE TRIGGER purchase_order_lines_fts_on_insert AFTER INSERT ON purchase_order_lines BEGIN
    INSERT INTO purchase_order_lines_fts (rowid, description, item_code)
    VALUES (NEW.id, NEW.description, NEW.item_code);
END;
CREATE TRIGGER purchase_order_lines_fts_on_update
AFTER UPDATE OF description, item_code ON purchase_order_lines BEGIN
    INSERT INTO purchase_order_lines_fts (purchase_order_lines_fts, rowid, description, item_code)
    VALUES ('delete', OLD.id, OLD.description, OLD.item_code);
    INSERT INTO purchase_order_lines_fts (rowid, description, item_code)
    VALUES (NEW.id, NEW.description, NEW.item_code);
END;
CREATE TRIGGER purchase_order_lines_fts_on_delete AFTER DELETE ON purchase_order_lines BEGIN
    INSERT INTO purchase_order_lines_fts (purchase_order_lines_fts, rowid, description, item_code)
    VALUES ('delete', OLD.id, OLD.description, OLD.item_code);
END;
