-- The asset list at fifty thousand assets, second round (the benchmark's B9 lines).

-- Sorting by holder or location ordered by the other table's name through a LEFT JOIN, so
-- SQLite sorted every asset. Each asset now keeps a copy of that name's key: derived, never
-- edited, left out of the history snapshot, and kept by the triggers below in the same
-- statement as the change it follows, whichever write makes it (forms, check-outs, imports,
-- scans, a rename of the person or the place).
ALTER TABLE assets ADD COLUMN holder_key TEXT;
ALTER TABLE assets ADD COLUMN location_key TEXT;
UPDATE assets SET
    holder_key = (SELECT sort_key FROM employees WHERE id = assets.holder_employee_id),
    location_key = (SELECT name_key FROM locations WHERE id = assets.location_id);

CREATE TRIGGER assets_keys_on_insert AFTER INSERT ON assets BEGIN
    UPDATE assets SET
        holder_key = (SELECT sort_key FROM employees WHERE id = NEW.holder_employee_id),
        location_key = (SELECT name_key FROM locations WHERE id = NEW.location_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER assets_holder_key AFTER UPDATE OF holder_employee_id ON assets
WHEN NEW.holder_employee_id IS NOT OLD.holder_employee_id BEGIN
    UPDATE assets SET holder_key = (SELECT sort_key FROM employees WHERE id = NEW.holder_employee_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER assets_location_key AFTER UPDATE OF location_id ON assets
WHEN NEW.location_id IS NOT OLD.location_id BEGIN
    UPDATE assets SET location_key = (SELECT name_key FROM locations WHERE id = NEW.location_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER employees_name_to_assets AFTER UPDATE OF sort_key ON employees
WHEN NEW.sort_key IS NOT OLD.sort_key BEGIN
    UPDATE assets SET holder_key = NEW.sort_key WHERE holder_employee_id = NEW.id;
END;
CREATE TRIGGER locations_name_to_assets AFTER UPDATE OF name_key ON locations
WHEN NEW.name_key IS NOT OLD.name_key BEGIN
    UPDATE assets SET location_key = NEW.name_key WHERE location_id = NEW.id;
END;

-- Assets without a holder or a place come last in both directions (`x IS NULL, x`). The
-- ascending list walks the first index forwards; the descending one walks the second backwards,
-- so its ties come out by id descending as the list wants, with no sorter.
CREATE INDEX assets_by_holder_up ON assets (holder_key IS NULL, holder_key, name_key);
CREATE INDEX assets_by_holder_down ON assets ((holder_key IS NULL) DESC, holder_key, name_key);
CREATE INDEX assets_by_location_up ON assets (location_key IS NULL, location_key, name_key);
CREATE INDEX assets_by_location_down
    ON assets ((location_key IS NULL) DESC, location_key, name_key);
-- The same for the date sorts, whose descending index ran its ties by id ascending.
DROP INDEX assets_by_warranty_down;
DROP INDEX assets_by_purchase_down;
CREATE INDEX assets_by_warranty_down ON assets ((warranty_end IS NULL) DESC, warranty_end);
CREATE INDEX assets_by_purchase_down ON assets ((purchase_date IS NULL) DESC, purchase_date);

-- Search: a tag, name, serial or model fragment scanned the table. A trigram index finds the
-- candidates; the list keeps its own test on them, so the results are what they were.
CREATE VIEW assets_search (id, tag, name, serial, model) AS
    SELECT id, tag_key, name_key, serial, model FROM assets;
CREATE VIRTUAL TABLE assets_fts USING fts5 (
    tag,
    name,
    serial,
    model,
    tokenize = 'trigram remove_diacritics 1',
    content = 'assets_search',
    content_rowid = 'id',
    columnsize = 0
);
INSERT INTO assets_fts (assets_fts) VALUES ('rebuild');
CREATE TRIGGER assets_fts_on_insert AFTER INSERT ON assets BEGIN
    INSERT INTO assets_fts (rowid, tag, name, serial, model)
    VALUES (NEW.id, NEW.tag_key, NEW.name_key, NEW.serial, NEW.model);
END;
CREATE TRIGGER assets_fts_on_update AFTER UPDATE OF tag_key, name_key, serial, model ON assets
BEGIN
    INSERT INTO assets_fts (assets_fts, rowid, tag, name, serial, model)
    VALUES ('delete', OLD.id, OLD.tag_key, OLD.name_key, OLD.serial, OLD.model);
    INSERT INTO assets_fts (rowid, tag, name, serial, model)
    VALUES (NEW.id, NEW.tag_key, NEW.name_key, NEW.serial, NEW.model);
END;
CREATE TRIGGER assets_fts_on_delete AFTER DELETE ON assets BEGIN
    INSERT INTO assets_fts (assets_fts, rowid, tag, name, serial, model)
    VALUES ('delete', OLD.id, OLD.tag_key, OLD.name_key, OLD.serial, OLD.model);
END;
