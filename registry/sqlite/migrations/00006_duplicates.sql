-- Duplicates, body versions, the person index and the population.
--
-- report_keys indexes the people and references a report names (mother,
-- father, deceased, the child's birth, the external_ref) with the event day,
-- one set per body version; duplicate rules and a person's history are
-- indexed look-ups in it, never scans. report_bodies keeps every body of a
-- report once it has been resubmitted with a correction (reports.body is the
-- current one, reports.body_version its number). duplicate_links are the
-- candidates a rule matched, duplicate_decisions the officer's decisions.
-- population holds the imported denominators of coverage, per import.

-- +goose Up
ALTER TABLE reports ADD COLUMN body_version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE report_keys (
    office      TEXT    NOT NULL,
    role        TEXT    NOT NULL, -- mother, father, deceased, child, external_ref
    key         TEXT    NOT NULL, -- the NIK or the reference ('' for a child without NIK)
    report_id   TEXT    NOT NULL,
    version     INTEGER NOT NULL, -- the body version the key comes from
    kind        INTEGER NOT NULL,
    day         INTEGER NOT NULL, -- the event's day, days since 1970-01-01
    multiple    INTEGER NOT NULL DEFAULT 0, -- 1 when jenis kelahiran says twins or more
    birth_order INTEGER NOT NULL DEFAULT 0,
    kecamatan   TEXT    NOT NULL DEFAULT '', -- of the family's address
    PRIMARY KEY (office, role, key, day, report_id, version),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id)
);
-- covering: a report's keys are read from the index alone
CREATE INDEX report_keys_report ON report_keys (office, report_id, version, role, key, kind, day, multiple, birth_order, kecamatan);
CREATE INDEX report_keys_kecamatan ON report_keys (office, role, kecamatan, day);

CREATE TABLE report_bodies (
    office    TEXT    NOT NULL,
    report_id TEXT    NOT NULL,
    version   INTEGER NOT NULL,
    body      TEXT    NOT NULL,
    body_hash TEXT    NOT NULL,
    actor     TEXT    NOT NULL,
    at        TEXT    NOT NULL,
    PRIMARY KEY (office, report_id, version),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id)
);

CREATE TABLE duplicate_links (
    office       TEXT NOT NULL,
    report_id    TEXT NOT NULL,
    candidate_id TEXT NOT NULL,
    rule         TEXT NOT NULL,
    at           TEXT NOT NULL,
    PRIMARY KEY (office, report_id, candidate_id, rule),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id),
    FOREIGN KEY (office, candidate_id) REFERENCES reports (office, id)
);

CREATE TABLE duplicate_decisions (
    office       TEXT NOT NULL,
    report_id    TEXT NOT NULL,
    candidate_id TEXT NOT NULL,
    duplicate    INTEGER NOT NULL, -- 1: a duplicate of the candidate, 0: not
    reason       TEXT NOT NULL,
    actor        TEXT NOT NULL,
    at           TEXT NOT NULL,
    PRIMARY KEY (office, report_id, candidate_id),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id),
    FOREIGN KEY (office, candidate_id) REFERENCES reports (office, id)
);
CREATE INDEX duplicate_links_candidate ON duplicate_links (office, candidate_id);
CREATE INDEX duplicate_decisions_candidate ON duplicate_decisions (office, candidate_id);

CREATE TABLE population_imports (
    office TEXT    NOT NULL,
    seq    INTEGER NOT NULL,
    as_of  TEXT    NOT NULL, -- the day the population counts describe
    source TEXT    NOT NULL,
    actor  TEXT    NOT NULL,
    at     TEXT    NOT NULL,
    PRIMARY KEY (office, seq)
);

CREATE TABLE population (
    office    TEXT    NOT NULL,
    seq       INTEGER NOT NULL, -- the import
    kecamatan TEXT    NOT NULL,
    age       INTEGER NOT NULL, -- completed years
    count     INTEGER NOT NULL,
    PRIMARY KEY (office, seq, kecamatan, age),
    FOREIGN KEY (office, seq) REFERENCES population_imports (office, seq)
);

-- +goose StatementBegin
CREATE TRIGGER report_keys_no_delete BEFORE DELETE ON report_keys BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER report_keys_no_update BEFORE UPDATE ON report_keys BEGIN SELECT RAISE(ABORT, 'registry: report keys are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER report_bodies_no_delete BEFORE DELETE ON report_bodies BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER report_bodies_no_update BEFORE UPDATE ON report_bodies BEGIN SELECT RAISE(ABORT, 'registry: report bodies are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER duplicate_links_no_delete BEFORE DELETE ON duplicate_links BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER duplicate_links_no_update BEFORE UPDATE ON duplicate_links BEGIN SELECT RAISE(ABORT, 'registry: duplicate links are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER duplicate_decisions_no_delete BEFORE DELETE ON duplicate_decisions BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER duplicate_decisions_no_update BEFORE UPDATE ON duplicate_decisions BEGIN SELECT RAISE(ABORT, 'registry: duplicate decisions are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER population_imports_no_delete BEFORE DELETE ON population_imports BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER population_imports_no_update BEFORE UPDATE ON population_imports BEGIN SELECT RAISE(ABORT, 'registry: population imports are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER population_no_delete BEFORE DELETE ON population BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER population_no_update BEFORE UPDATE ON population BEGIN SELECT RAISE(ABORT, 'registry: the population is append-only'); END;
-- +goose StatementEnd

-- +goose Down
SELECT 1;
