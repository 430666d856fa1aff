-- Nothing reads advisory_product: matching works on the advisory's own products (body_json), search on the index.
-- Its rows (two B-tree entries per affected product, written and committed with every advisory) were a third of
-- the store's cost per advisory in a bulk load. Likewise nothing queries by last_changed except a test helper,
-- which can scan.
DROP TABLE advisory_product;
DROP INDEX advisory_last_changed;
