-- The dashboard's counts of reports by kind and status, kept by triggers
-- (issue 13: the dashboard under 100 ms with 100 k reports). Counting the
-- reports themselves, even index-only, reads every entry of the index: about
-- 30 ms for 100 k reports in this pure-Go SQLite, growing with the store.
-- With one writer there is no contention on a counter row. PostgreSQL keeps
-- counting the index (parallel, and a counter row there would serialise
-- every report's transaction): this table is a derived cache, rebuilt here
-- from the reports, never data to move between stores.
-- Counters are updated, never deleted (reports are never deleted).
--
-- And the indexes of the queue's filters, so that a page reads the rows it
-- shows rather than every report of the kind (most reports of a mature store
-- are registered; a filter on a rare status or flag otherwise scans them
-- all): the queue of one status, newest first (it replaces the counting
-- index reports_kind_status, its prefix), and partial indexes of the flagged
-- reports (potential duplicate, late), newest first; the store inlines the
-- flag in the query so that the planner may use them.

-- +goose Up
CREATE INDEX reports_kind_status_created ON reports (office, kind, status, created_at);
DROP INDEX reports_kind_status;
CREATE INDEX reports_duplicate ON reports (office, created_at) WHERE (flags & 1) = 1;
CREATE INDEX reports_late ON reports (office, created_at) WHERE (flags & 2) = 2;

CREATE TABLE report_counts (
    office TEXT    NOT NULL,
    kind   INTEGER NOT NULL,
    status INTEGER NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (office, kind, status)
) WITHOUT ROWID;

INSERT INTO report_counts (office, kind, status, n)
    SELECT office, kind, status, COUNT(*) FROM reports GROUP BY office, kind, status;

-- +goose StatementBegin
CREATE TRIGGER report_counts_insert AFTER INSERT ON reports BEGIN
    INSERT INTO report_counts (office, kind, status, n) VALUES (NEW.office, NEW.kind, NEW.status, 1)
        ON CONFLICT (office, kind, status) DO UPDATE SET n = n + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER report_counts_status AFTER UPDATE OF status ON reports WHEN OLD.status <> NEW.status BEGIN
    UPDATE report_counts SET n = n - 1 WHERE office = OLD.office AND kind = OLD.kind AND status = OLD.status;
    INSERT INTO report_counts (office, kind, status, n) VALUES (NEW.office, NEW.kind, NEW.status, 1)
        ON CONFLICT (office, kind, status) DO UPDATE SET n = n + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER report_counts_no_delete BEFORE DELETE ON report_counts BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER report_counts_kind BEFORE UPDATE OF kind, office ON reports WHEN OLD.kind <> NEW.kind OR OLD.office <> NEW.office BEGIN
    SELECT RAISE(ABORT, 'registry: a report keeps its office and kind');
END;
-- +goose StatementEnd

-- +goose Down
SELECT 1;
