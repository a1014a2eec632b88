-- Two employee indexes fewer. A large import builds every employee index again after its rows,
-- and each build reads the whole table (about 35 ms at 100,000 employees, however little the
-- index holds); every single save updates them all too.
-- * "What needs fixing" and the completeness roll-ups share one index: the roll-ups read
--   status, department, score, issue count and urgency from it without the table, as they did
--   from their own index, and group by department in a sort of their own (about 12 ms more at
--   100,000 employees, for the one dashboard figure).
-- * The job-title index goes: only adding, changing or removing a requirement for a job title
--   read it, and reading the table instead costs about 35 ms beside rescoring those people.
DROP INDEX employees_job_title;
DROP INDEX employees_rollup;
DROP INDEX employees_needs_fixing;
-- The id is named before the roll-ups' columns so the list's order (…, sort_key, id) stays the
-- index order.
CREATE INDEX employees_needs_fixing ON employees (status, urgency DESC, completeness, sort_key, id,
    department_id, issue_count);
