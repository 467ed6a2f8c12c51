-- The indexes of the work queue's filters (issue 13: the queue pages under
-- 100 ms with 100 k reports), so that a page reads the rows it shows rather
-- than every report of the kind (most reports of a mature store are
-- registered; a filter on a rare status or flag otherwise scans them all):
-- the queue of one status, newest first (it replaces reports_kind_status,
-- its prefix, which the dashboard's index-only count uses as well), and
-- partial indexes of the flagged reports (potential duplicate, late), newest
-- first; the store inlines the flag in the query so that the planner may use
-- them. (SQLite's migration 00011 also keeps the dashboard's counts in a
-- table by triggers; here the count stays an index-only scan, since a
-- counter row would serialise every report's transaction.)

-- +goose Up
CREATE INDEX reports_kind_status_created ON reports (office, kind, status, created_at);
DROP INDEX reports_kind_status;
CREATE INDEX reports_duplicate ON reports (office, created_at) WHERE (flags & 1) = 1;
CREATE INDEX reports_late ON reports (office, created_at) WHERE (flags & 2) = 2;

-- +goose Down
SELECT 1;
