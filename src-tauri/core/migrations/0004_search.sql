-- Global search: document titles beside the employee index of 0003, with the same trigram
-- tokenizer (any run of three or more characters, ignoring case and accents). Kept in step by the
-- documents store functions inside the write transaction that changes the row, like
-- employees_fts. Every version of a document has its entry; global search shows current ones.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title,
    tokenize = 'trigram remove_diacritics 1'
);
INSERT INTO documents_fts (rowid, title) SELECT id, title FROM documents;

-- FTS5 writes pending entries to a new segment whenever they pass 'hashsize' bytes (1 MB by
-- default) and merges those segments as it goes; an import of 100,000 employees produced a
-- hundred segments to merge. 16 MB of pending entries per flush (held only while a write runs)
-- cut the index's share of a large import by a third.
INSERT INTO employees_fts (employees_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO documents_fts (documents_fts, rank) VALUES ('hashsize', 16777216);
