-- Indexes for the asset list at fifty thousand assets (measured by the benchmark's B9 lines).

-- A filter under the list's default order (by tag) reads its page from one index instead of
-- sorting every matching asset.
CREATE INDEX assets_by_category_tag ON assets (category_id, tag_key);
CREATE INDEX assets_by_status_tag ON assets (status, tag_key);
CREATE INDEX assets_by_department_tag ON assets (department_id, tag_key);

-- The date sorts put assets without a date last in both directions
-- (`x IS NULL, x ASC|DESC, id`): one index per direction, on the same expressions.
CREATE INDEX assets_by_warranty_up ON assets (warranty_end IS NULL, warranty_end);
CREATE INDEX assets_by_warranty_down ON assets (warranty_end IS NULL, warranty_end DESC);
CREATE INDEX assets_by_purchase_up ON assets (purchase_date IS NULL, purchase_date);
CREATE INDEX assets_by_purchase_down ON assets (purchase_date IS NULL, purchase_date DESC);
