-- report_keys_kecamatan is read by no query (duplicate rules compare the
-- kecamatan of the rows found by role and key): one index fewer to write
-- per key (the SQLite store's migration 00013 does the same and more).

-- +goose Up
DROP INDEX report_keys_kecamatan;

-- +goose Down
CREATE INDEX report_keys_kecamatan ON report_keys (office, role, kecamatan, day);
