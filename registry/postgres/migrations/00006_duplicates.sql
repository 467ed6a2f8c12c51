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
ALTER TABLE reports ADD COLUMN body_version integer NOT NULL DEFAULT 1;

CREATE TABLE report_keys (
    office      text    NOT NULL,
    role        text    NOT NULL, -- mother, father, deceased, child, external_ref
    key         text    NOT NULL, -- the NIK or the reference ('' for a child without NIK)
    report_id   text    NOT NULL,
    version     integer NOT NULL, -- the body version the key comes from
    kind        integer NOT NULL,
    day         integer NOT NULL, -- the event's day, days since 1970-01-01
    multiple    integer NOT NULL DEFAULT 0, -- 1 when jenis kelahiran says twins or more
    birth_order integer NOT NULL DEFAULT 0,
    kecamatan   text    NOT NULL DEFAULT '', -- of the family's address
    PRIMARY KEY (office, role, key, day, report_id, version),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id)
);
-- covering: a report's keys are read from the index alone
CREATE INDEX report_keys_report ON report_keys (office, report_id, version, role, key, kind, day, multiple, birth_order, kecamatan);
CREATE INDEX report_keys_kecamatan ON report_keys (office, role, kecamatan, day);

CREATE TABLE report_bodies (
    office    text    NOT NULL,
    report_id text    NOT NULL,
    version   integer NOT NULL,
    body      text    NOT NULL,
    body_hash text    NOT NULL,
    actor     text    NOT NULL,
    at        timestamptz    NOT NULL,
    PRIMARY KEY (office, report_id, version),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id)
);

CREATE TABLE duplicate_links (
    office       text NOT NULL,
    report_id    text NOT NULL,
    candidate_id text NOT NULL,
    rule         text NOT NULL,
    at           timestamptz NOT NULL,
    PRIMARY KEY (office, report_id, candidate_id, rule),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id),
    FOREIGN KEY (office, candidate_id) REFERENCES reports (office, id)
);

CREATE TABLE duplicate_decisions (
    office       text NOT NULL,
    report_id    text NOT NULL,
    candidate_id text NOT NULL,
    duplicate    integer NOT NULL, -- 1: a duplicate of the candidate, 0: not
    reason       text NOT NULL,
    actor        text NOT NULL,
    at           timestamptz NOT NULL,
    PRIMARY KEY (office, report_id, candidate_id),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id),
    FOREIGN KEY (office, candidate_id) REFERENCES reports (office, id)
);
CREATE INDEX duplicate_links_candidate ON duplicate_links (office, candidate_id);
CREATE INDEX duplicate_decisions_candidate ON duplicate_decisions (office, candidate_id);

CREATE TABLE population_imports (
    office text    NOT NULL,
    seq    integer NOT NULL,
    as_of  text    NOT NULL, -- the day the population counts describe
    source text    NOT NULL,
    actor  text    NOT NULL,
    at     timestamptz    NOT NULL,
    PRIMARY KEY (office, seq)
);

CREATE TABLE population (
    office    text    NOT NULL,
    seq       integer NOT NULL, -- the import
    kecamatan text    NOT NULL,
    age       integer NOT NULL, -- completed years
    count     integer NOT NULL,
    PRIMARY KEY (office, seq, kecamatan, age),
    FOREIGN KEY (office, seq) REFERENCES population_imports (office, seq)
);

CREATE TRIGGER report_keys_append_only BEFORE DELETE OR UPDATE ON report_keys FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER report_bodies_append_only BEFORE DELETE OR UPDATE ON report_bodies FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER duplicate_links_append_only BEFORE DELETE OR UPDATE ON duplicate_links FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER duplicate_decisions_append_only BEFORE DELETE OR UPDATE ON duplicate_decisions FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER population_imports_append_only BEFORE DELETE OR UPDATE ON population_imports FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER population_append_only BEFORE DELETE OR UPDATE ON population FOR EACH ROW EXECUTE FUNCTION registry_refuse();

-- +goose Down
SELECT 1;
