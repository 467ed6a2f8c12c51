-- One page fewer written per transaction (issue 11: registrations per
-- second; every page a commit writes costs): the audit journal's seq was
-- AUTOINCREMENT, which writes the sqlite_sequence page in every transaction
-- that audits (every one). Without it SQLite takes the largest seq plus one;
-- rows are never deleted (trigger), so a seq is never reused either way.
-- The table is copied: the first start on an existing store takes a moment
-- per million rows.
--
-- (A partial index of the children for report_keys_kecamatan would save
-- three more pages per report, but with it the duplicate look-ups took
-- 112-163 us instead of 26 us at 2,000 reports: not adopted.)

-- +goose Up

CREATE TABLE audit_next (
    office TEXT NOT NULL,
    seq    INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    record TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
INSERT INTO audit_next (office, seq, at, actor, action, record, detail)
    SELECT office, seq, at, actor, action, record, detail FROM audit ORDER BY seq;
DROP TABLE audit;
ALTER TABLE audit_next RENAME TO audit;
CREATE INDEX audit_record ON audit (office, record, seq);
-- +goose StatementBegin
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'registry: the audit journal is append-only'); END;
-- +goose StatementEnd

-- +goose Down
SELECT 1;
