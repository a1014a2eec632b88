-- Purchase orders and supplier invoices found in their lists by the words of their number,
-- their supplier's name and their lines: one document per record, written again by the store
-- whenever a row it is made of changes (store::words). A list searching the lines' trigram
-- indexes and the supplier names tested three sets per order: 123 ms for one word over
-- 100,000 orders.
--
-- The supplier's name is there twice, as written and without its dots, so "srl" finds
-- "S.r.l."; each line adds its description and item code. Words lose their accents
-- (remove_diacritics 2), and the prefixes of two to four characters have their own entries, so
-- a word still being typed is one read too.
CREATE VIEW purchase_orders_words_text (id, words) AS
    SELECT o.id,
           concat_ws(' ', o.number, s.name, replace(s.name, '.', ''),
                     (SELECT group_concat(concat_ws(' ', l.description, l.item_code), ' ')
                      FROM purchase_order_lines l WHERE l.order_id = o.id))
    FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id;
CREATE VIRTUAL TABLE purchase_orders_words USING fts5 (
    words,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4',
    columnsize = 0
);
INSERT INTO purchase_orders_words (rowid, words)
    SELECT id, words FROM purchase_orders_words_text;

CREATE VIEW supplier_invoices_words_text (id, words) AS
    SELECT i.id,
           concat_ws(' ', i.number, s.name, replace(s.name, '.', ''),
                     (SELECT group_concat(concat_ws(' ', l.description, l.item_code), ' ')
                      FROM supplier_invoice_lines l WHERE l.invoice_id = i.id))
    FROM supplier_invoices i JOIN suppliers s ON s.id = i.supplier_id;
CREATE VIRTUAL TABLE supplier_invoices_words USING fts5 (
    words,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4',
    columnsize = 0
);
INSERT INTO supplier_invoices_words (rowid, words)
    SELECT id, words FROM supplier_invoices_words_text;
