-- History is append-only: the app only ever inserts into `changes`. These triggers refuse an
-- UPDATE or DELETE from any connection that has not removed them first, so a mistaken tool or a
-- careless script cannot rewrite history quietly. Someone holding the file can still drop the
-- triggers; the hash chain and an exported head are what detect that.
CREATE TRIGGER changes_no_update BEFORE UPDATE ON changes
BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;
CREATE TRIGGER changes_no_delete BEFORE DELETE ON changes
BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;
