-- One index for tax codes instead of two. The key is the tax code and, for anyone not on the
-- active staff, the row id: two active employees can never share a tax code (their second key
-- part is 0 for both), former employees may share it with anyone. It also finds every row
-- of a tax code, which the full index of 0003 was kept for; a large import builds one index
-- fewer.
DROP INDEX employees_tax_code;
DROP INDEX employees_tax_code_active;
CREATE UNIQUE INDEX employees_tax_code ON employees (tax_code,
    CASE status WHEN 'active' THEN 0 ELSE id END);
