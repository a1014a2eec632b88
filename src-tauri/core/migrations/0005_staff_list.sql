-- The staff list at 100,000 employees: one index per sort, holding the sort key(s) and then every
-- filter column (status, department, contract type, score, next expiry). A page is read by
-- walking its sort's index in order (named with INDEXED BY) and testing the filters on the
-- index entries, so the rows an OFFSET skips are never looked up in the table: with 0003's
-- two-column indexes a page at the end of the list by hire date, completeness or department
-- looked up every skipped row (100 to 250 ms at 100,000 employees).
-- SQLite appends the rowid to every index, so ORDER BY <all index columns>, id reads in order.
DROP INDEX employees_name;
DROP INDEX employees_status_name;
DROP INDEX employees_department_name;
DROP INDEX employees_contract_name;
DROP INDEX employees_completeness;
DROP INDEX employees_hire_date;
DROP INDEX employees_number;
DROP INDEX employees_next_expiry;

CREATE INDEX employees_list_name ON employees (sort_key, status, department_id,
    contract_type_id, completeness, coalesce(next_expiry, '9999-12-31'));
-- Also finds an employee by number.
CREATE INDEX employees_list_number ON employees (employee_number, status, department_id,
    contract_type_id, completeness, coalesce(next_expiry, '9999-12-31'));
CREATE INDEX employees_list_hire ON employees (hire_date, status, department_id,
    contract_type_id, completeness, coalesce(next_expiry, '9999-12-31'));
CREATE INDEX employees_list_completeness ON employees (completeness, sort_key, status,
    department_id, contract_type_id, coalesce(next_expiry, '9999-12-31'));
-- Also the daily refresh: active employees with something expiring within the horizon.
CREATE INDEX employees_list_expiry ON employees (coalesce(next_expiry, '9999-12-31'), status,
    department_id, contract_type_id, completeness);
-- Also a department's employees (filter, roll-ups, requirement rescoring by department).
CREATE INDEX employees_list_department ON employees (department_id, sort_key, status,
    contract_type_id, completeness, coalesce(next_expiry, '9999-12-31'));
-- Counts with a contract-type filter.
CREATE INDEX employees_contract ON employees (contract_type_id, status);
-- The completeness roll-ups (overall and per department) read only these columns: a scan of this
-- index instead of the table (about 25 ms instead of 240 ms at 100,000 employees).
CREATE INDEX employees_rollup ON employees (status, department_id, completeness, issue_count,
    urgency);
