-- Audits and compliance: checklist templates with versions, audits, their item results and
-- evidence, findings and their corrective actions.

-- An account may be linked to the person's staff record: the actions an employee owns are
-- theirs to update, nobody verifies an action they own, and a manager reads the audits of the
-- departments they head or manage people in.
ALTER TABLE users ADD COLUMN employee_id INTEGER REFERENCES employees (id);

-- A checklist template. Its content lives in versions: a version an audit has started with is
-- frozen, and the next edit works on a copy, so an audit never changes under its auditor.
CREATE TABLE audit_templates (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    name_key     TEXT NOT NULL UNIQUE,
    description  TEXT,
    -- The language the checklist is written in ('it', 'en').
    language     TEXT NOT NULL CHECK (language IN ('it', 'en')),
    -- The starter template it was copied from, if any.
    starter      TEXT,
    retired      INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    version      INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE audit_template_versions (
    id           INTEGER PRIMARY KEY,
    template_id  INTEGER NOT NULL REFERENCES audit_templates (id),
    number       INTEGER NOT NULL CHECK (number >= 1),
    -- Set when the first audit starts from this version: from then on it never changes.
    frozen_at    TEXT,
    version      INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (template_id, number)
);

-- One requirement of a version. The section is a title shared by consecutive items (what a
-- checklist file has in its "section" column); sections are ordered by their first item.
CREATE TABLE audit_checklist_items (
    id           INTEGER PRIMARY KEY,
    version_id   INTEGER NOT NULL REFERENCES audit_template_versions (id),
    position     INTEGER NOT NULL,
    section      TEXT NOT NULL,
    code         TEXT NOT NULL,
    requirement  TEXT NOT NULL,
    reference    TEXT,
    guidance     TEXT,
    evidence_expected TEXT,
    weight       INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 100),
    version      INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (version_id, code)
);
CREATE INDEX audit_checklist_items_order ON audit_checklist_items (version_id, position);

CREATE TABLE audits (
    id              INTEGER PRIMARY KEY,
    title           TEXT NOT NULL,
    title_key       TEXT NOT NULL,
    template_version_id INTEGER NOT NULL REFERENCES audit_template_versions (id),
    -- Processes and anything else in scope that is not a record (departments are links).
    scope_note      TEXT,
    lead_user_id    INTEGER NOT NULL REFERENCES users (id),
    planned_start   TEXT NOT NULL,
    planned_end     TEXT NOT NULL,
    started_on      TEXT,
    ended_on        TEXT,
    status          TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'in_review', 'closed')),
    recurrence      TEXT NOT NULL CHECK (recurrence IN ('none', 'quarterly', 'half_yearly', 'yearly')),
    -- The first audit of a recurring series (itself for the first); the next occurrence is made
    -- from the one that closes.
    series_id       INTEGER REFERENCES audits (id),
    previous_id     INTEGER REFERENCES audits (id),
    -- Weighted score in basis points (0..10000), recomputed with every result; NULL until an
    -- item counts.
    score           INTEGER,
    closed_at       TEXT,
    reopen_reason   TEXT,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX audits_status ON audits (status, planned_start);
CREATE INDEX audits_planned ON audits (planned_start, id);
CREATE INDEX audits_title ON audits (title_key, id);
CREATE INDEX audits_lead ON audits (lead_user_id, planned_start);
CREATE INDEX audits_series ON audits (series_id, planned_start);

-- What an audit covers and who it audits: departments in scope (entity 'departments') and the
-- auditees (entity 'employees').
CREATE TABLE audit_scope (
    id         INTEGER PRIMARY KEY,
    audit_id   INTEGER NOT NULL REFERENCES audits (id),
    entity     TEXT NOT NULL CHECK (entity IN ('departments', 'employees')),
    record_id  INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (audit_id, entity, record_id)
);
CREATE INDEX audit_scope_record ON audit_scope (entity, record_id, audit_id);

-- An item's result in one audit, written when it is first assessed or given evidence.
CREATE TABLE audit_results (
    id           INTEGER PRIMARY KEY,
    audit_id     INTEGER NOT NULL REFERENCES audits (id),
    item_id      INTEGER NOT NULL REFERENCES audit_checklist_items (id),
    result       TEXT CHECK (result IN ('compliant', 'minor', 'major', 'observation', 'not_applicable')),
    na_reason    TEXT,
    notes        TEXT,
    assessed_by  TEXT,
    assessed_at  TEXT,
    version      INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (audit_id, item_id),
    CHECK (result IS NOT 'not_applicable' OR na_reason IS NOT NULL)
);

-- A piece of evidence: a title, the person answerable for it, and its file's versions as
-- attachments (entity 'evidence'), each with its effective date and optional expiry.
CREATE TABLE evidence (
    id                INTEGER PRIMARY KEY,
    title             TEXT NOT NULL,
    title_key         TEXT NOT NULL,
    owner_employee_id INTEGER REFERENCES employees (id),
    notes             TEXT,
    version           INTEGER NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX evidence_title ON evidence (title_key, id);

-- Evidence supporting a result: the file version it was linked with, so a later renewal of
-- the evidence does not change what a closed audit relied on.
CREATE TABLE audit_evidence (
    id            INTEGER PRIMARY KEY,
    result_id     INTEGER NOT NULL REFERENCES audit_results (id),
    evidence_id   INTEGER NOT NULL REFERENCES evidence (id),
    attachment_id INTEGER NOT NULL REFERENCES attachments (id),
    version       INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    UNIQUE (result_id, evidence_id)
);
CREATE INDEX audit_evidence_evidence ON audit_evidence (evidence_id);

CREATE TABLE findings (
    id             INTEGER PRIMARY KEY,
    audit_id       INTEGER NOT NULL REFERENCES audits (id),
    -- The item result that raised it; NULL for a finding noted outside the checklist.
    result_id      INTEGER REFERENCES audit_results (id),
    -- "F-3" within its audit.
    number         INTEGER NOT NULL,
    severity       TEXT NOT NULL CHECK (severity IN ('major', 'minor', 'observation')),
    title          TEXT NOT NULL,
    title_key      TEXT NOT NULL,
    description    TEXT,
    root_cause     TEXT,
    -- The "5 whys" as a JSON array of up to five answers.
    whys           TEXT,
    -- Any record the finding is about (an employee, an asset, a supplier…).
    subject_entity TEXT,
    subject_id     INTEGER,
    status         TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    closed_on      TEXT,
    version        INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (audit_id, number)
);
CREATE INDEX findings_status ON findings (status, severity, id);
CREATE INDEX findings_result ON findings (result_id);
CREATE INDEX findings_title ON findings (title_key, id);

-- A corrective or preventive action of a finding.
CREATE TABLE audit_actions (
    id                  INTEGER PRIMARY KEY,
    finding_id          INTEGER NOT NULL REFERENCES findings (id),
    description         TEXT NOT NULL,
    owner_employee_id   INTEGER NOT NULL REFERENCES employees (id),
    due_on              TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('open', 'done', 'verified')),
    done_on             TEXT,
    done_note           TEXT,
    verified_by_user_id INTEGER REFERENCES users (id),
    verified_on         TEXT,
    -- How the verifier saw that the action worked; its files are the action's attachments.
    effectiveness       TEXT,
    subject_entity      TEXT,
    subject_id          INTEGER,
    version             INTEGER NOT NULL,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX audit_actions_finding ON audit_actions (finding_id);
CREATE INDEX audit_actions_due ON audit_actions (status, due_on, id);
CREATE INDEX audit_actions_owner ON audit_actions (owner_employee_id, status, due_on);

-- The company's policies and procedures: an owner, an approval, a version, a review cycle. The
-- document itself is the policy's attachment (entity 'policies').
CREATE TABLE policies (
    id                INTEGER PRIMARY KEY,
    title             TEXT NOT NULL,
    title_key         TEXT NOT NULL UNIQUE,
    kind              TEXT NOT NULL CHECK (kind IN ('privacy', 'it', 'safety', 'purchasing', 'quality', 'hr', 'other')),
    owner_employee_id INTEGER REFERENCES employees (id),
    -- The version people acknowledge ("2.1", "2026-01").
    version_label     TEXT NOT NULL,
    approved_by       TEXT,
    approved_on       TEXT,
    review_months     INTEGER NOT NULL CHECK (review_months BETWEEN 1 AND 120),
    last_reviewed_on  TEXT,
    -- Approval (or last review) plus the interval: kept for the attention list's range scan.
    next_review_on    TEXT,
    retired           INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    version           INTEGER NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX policies_review ON policies (retired, next_review_on);

-- Who has read which version of a policy.
CREATE TABLE policy_acknowledgements (
    id              INTEGER PRIMARY KEY,
    policy_id       INTEGER NOT NULL REFERENCES policies (id),
    employee_id     INTEGER NOT NULL REFERENCES employees (id),
    version_label   TEXT NOT NULL,
    acknowledged_on TEXT NOT NULL,
    version         INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    UNIQUE (policy_id, employee_id, version_label)
);
CREATE INDEX policy_acknowledgements_employee ON policy_acknowledgements (employee_id);
