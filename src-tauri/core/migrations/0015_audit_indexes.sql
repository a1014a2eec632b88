-- Orders of the findings and corrective-actions lists that had no index, measured on a
-- generated company's five years of audits (20,000 findings, 30,000 actions): each page of
-- these sorts read and sorted the whole table. Every index also holds the row id, which is the
-- lists' tie-break, so a page is read from the index alone.
CREATE INDEX findings_created ON findings (created_at);
CREATE INDEX audit_actions_due_on ON audit_actions (due_on);
CREATE INDEX audit_actions_by_owner ON audit_actions (owner_employee_id);
CREATE INDEX audit_actions_by_status ON audit_actions (status);
