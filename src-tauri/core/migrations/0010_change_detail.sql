-- What a change means beyond its before and after, as JSON: a schema upgrade names the version
-- and the fields it added, removed or renamed. NULL for ordinary changes; the hash covers it
-- only when set, so every change written before this column existed keeps its hash.
ALTER TABLE changes ADD COLUMN detail TEXT;
