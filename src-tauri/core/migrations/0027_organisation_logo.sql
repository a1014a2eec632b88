-- The organisation's logo, printed on its documents: the SHA-256 naming its copy in the file
-- store (files/ab/cdef…), none until one is chosen.
ALTER TABLE organisation ADD COLUMN logo_sha256 TEXT
    CHECK (logo_sha256 IS NULL OR (length(logo_sha256) = 64 AND logo_sha256 NOT GLOB '*[^0-9a-f]*'));
