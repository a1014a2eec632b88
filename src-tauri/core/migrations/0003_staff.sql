-- Staff files: employees, their documents and training, the lists that configure them (contract
-- types, document types, courses) and what each job title or department requires.
-- Every tracked table has an INTEGER id so history rows can point at it. Dates are 'yyyy-mm-dd'
-- text, instants RFC 3339 UTC text, as in 0001.

-- Editable list of contract types. `code` names the ones the app created, so creating the
-- defaults again finds them; types added by the user have none.
CREATE TABLE contract_types (
    id          INTEGER PRIMARY KEY,
    code        TEXT UNIQUE,
    name_it     TEXT NOT NULL,
    name_en     TEXT,
    -- Unicode lower-cased Italian name: case-insensitive uniqueness and matching on import.
    name_key    TEXT NOT NULL UNIQUE,
    -- Fixed-term contracts need an end date.
    fixed_term  INTEGER NOT NULL DEFAULT 0 CHECK (fixed_term IN (0, 1)),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE document_types (
    id              INTEGER PRIMARY KEY,
    code            TEXT UNIQUE,
    name_it         TEXT NOT NULL,
    name_en         TEXT,
    name_key        TEXT NOT NULL UNIQUE,
    -- Whether documents of this type expire; `validity_months` proposes the expiry date.
    expires         INTEGER NOT NULL DEFAULT 0 CHECK (expires IN (0, 1)),
    validity_months INTEGER CHECK (validity_months > 0),
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

-- Training courses (D.Lgs. 81/08 safety training and any other); NULL validity never expires.
CREATE TABLE courses (
    id              INTEGER PRIMARY KEY,
    code            TEXT UNIQUE,
    name_it         TEXT NOT NULL,
    name_en         TEXT,
    name_key        TEXT NOT NULL UNIQUE,
    hours           INTEGER NOT NULL CHECK (hours >= 0),
    validity_months INTEGER CHECK (validity_months > 0),
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE employees (
    id                 INTEGER PRIMARY KEY,
    -- Matricola.
    employee_number    TEXT,
    first_name         TEXT NOT NULL,
    last_name          TEXT NOT NULL,
    -- Unicode lower-cased "last first", filled by the app: case-insensitive sort by name.
    sort_key           TEXT NOT NULL,
    -- Codice fiscale, upper case without spaces.
    tax_code           TEXT NOT NULL,
    birth_date         TEXT,
    birth_place        TEXT,
    sex                TEXT CHECK (sex IN ('M', 'F')),
    email              TEXT,
    phone              TEXT,
    address            TEXT,
    -- Compact upper-case IBAN.
    iban               TEXT,
    department_id      INTEGER REFERENCES departments (id),
    job_title          TEXT,
    -- Lower-cased job title: requirements per job title match on it.
    job_title_key      TEXT,
    manager_id         INTEGER REFERENCES employees (id),
    hire_date          TEXT NOT NULL,
    contract_type_id   INTEGER REFERENCES contract_types (id),
    contract_end       TEXT,
    ccnl               TEXT,
    level              TEXT,
    status             TEXT NOT NULL CHECK (status IN ('active', 'terminated')),
    termination_date   TEXT,
    termination_reason TEXT,
    version            INTEGER NOT NULL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    -- Derived and cached for lists, filters and roll-ups (see domain/completeness.rs). Rewritten
    -- in the same transaction as any change to the employee, its documents or its training, and
    -- once a day for the dates that move with the calendar. Left out of the history snapshot:
    -- they follow from tracked data and the date, not from anyone's edit.
    completeness       INTEGER NOT NULL DEFAULT 0 CHECK (completeness BETWEEN 0 AND 100),
    issue_count        INTEGER NOT NULL DEFAULT 0,
    -- Urgency of the most urgent issue, 0 when there is none ("what needs fixing" order).
    urgency            INTEGER NOT NULL DEFAULT 0,
    -- Earliest expiry among current documents, latest training per course and a fixed-term
    -- contract's end; past dates included (expired is "expiring within N days" too).
    next_expiry        TEXT,
    CHECK ((status = 'terminated') = (termination_date IS NOT NULL))
);
-- One index per list shape (filter + sort) of the staff list, so no page reads the whole table.
-- SQLite appends the rowid to every index, so (x, sort_key) also orders ties by id.
CREATE INDEX employees_name ON employees (sort_key);
CREATE INDEX employees_status_name ON employees (status, sort_key);
CREATE INDEX employees_department_name ON employees (department_id, sort_key);
CREATE INDEX employees_contract_name ON employees (contract_type_id, sort_key);
CREATE INDEX employees_completeness ON employees (completeness, sort_key);
CREATE INDEX employees_hire_date ON employees (hire_date);
CREATE INDEX employees_number ON employees (employee_number);
-- "No expiry" sorts after every date and never matches "expiring within N days".
CREATE INDEX employees_next_expiry ON employees (coalesce(next_expiry, '9999-12-31'));
CREATE INDEX employees_job_title ON employees (job_title_key);
CREATE INDEX employees_tax_code ON employees (tax_code);
-- A person is on the active staff once; a rehired person's old, terminated file stays beside it.
CREATE UNIQUE INDEX employees_tax_code_active ON employees (tax_code) WHERE status = 'active';
-- "What needs fixing": most urgent first, then the least complete, then by name.
CREATE INDEX employees_needs_fixing ON employees (status, urgency DESC, completeness, sort_key);

-- Substring search over name, tax code, e-mail and employee number. The trigram tokenizer finds
-- any run of three or more characters ("oss" finds Rossi), ignoring case and accents. Kept in
-- step by the employee store functions inside the same write transaction as the row (not by
-- triggers), so the store stays the single writer path and a failed write leaves both unchanged.
CREATE VIRTUAL TABLE employees_fts USING fts5 (
    name,
    tax_code,
    email,
    employee_number,
    tokenize = 'trigram remove_diacritics 1'
);

-- Files attached to an employee. The bytes live in the content-addressed file store under the
-- data directory (named by `sha256`); the user's original path is never kept. A renewal adds a
-- new row and points the old one at it through `superseded_by`, so earlier versions stay.
CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    employee_id   INTEGER NOT NULL REFERENCES employees (id),
    type_id       INTEGER NOT NULL REFERENCES document_types (id),
    title         TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    mime          TEXT NOT NULL,
    size          INTEGER NOT NULL CHECK (size >= 0),
    sha256        TEXT NOT NULL,
    issued_on     TEXT,
    expires_on    TEXT,
    superseded_by INTEGER REFERENCES documents (id),
    uploaded_at   TEXT NOT NULL,
    uploaded_by   TEXT NOT NULL,
    version       INTEGER NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX documents_employee ON documents (employee_id, superseded_by, type_id);
CREATE INDEX documents_sha256 ON documents (sha256);

-- Completed training. `expires_on` is computed when written: completion + the course validity.
CREATE TABLE training_records (
    id                      INTEGER PRIMARY KEY,
    employee_id             INTEGER NOT NULL REFERENCES employees (id),
    course_id               INTEGER NOT NULL REFERENCES courses (id),
    completed_on            TEXT NOT NULL,
    provider                TEXT,
    certificate_document_id INTEGER REFERENCES documents (id),
    expires_on              TEXT,
    notes                   TEXT,
    version                 INTEGER NOT NULL,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL
);
CREATE INDEX training_employee ON training_records (employee_id, course_id, completed_on);
CREATE INDEX training_course ON training_records (course_id);

-- What a job title and/or a department requires: one document type or one course per row.
-- No job title and no department means everyone.
CREATE TABLE requirements (
    id               INTEGER PRIMARY KEY,
    job_title        TEXT,
    job_title_key    TEXT,
    department_id    INTEGER REFERENCES departments (id),
    document_type_id INTEGER REFERENCES document_types (id),
    course_id        INTEGER REFERENCES courses (id),
    version          INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK ((document_type_id IS NULL) <> (course_id IS NULL))
);

-- The day the cached scores were last brought up to date (untracked bookkeeping).
CREATE TABLE staff_scores (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    as_of TEXT NOT NULL
);
