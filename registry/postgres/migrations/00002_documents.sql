-- Documents issued: one row per version, never updated, with the state it
-- was issued in; a later change of state (replaced, revoked) is a new row of
-- document_states, and the state of a version is its last such row, or the
-- one it was issued in when there is none.
-- Hand-overs record who received which documents. Every key leads with the
-- office, for distribution on Citus.

-- +goose Up
CREATE TABLE documents (
    office    text        NOT NULL,
    type      text        NOT NULL,
    number    text        NOT NULL,
    version   integer     NOT NULL,
    report_id text        NOT NULL,
    status    text        NOT NULL, -- the state it was issued in
    payload   text        NOT NULL, -- the signed QR credential (Base45)
    issued_at timestamptz NOT NULL,
    PRIMARY KEY (office, type, number, version),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id)
);
CREATE INDEX documents_report ON documents (office, report_id);

CREATE TABLE document_states (
    office     text        NOT NULL,
    type       text        NOT NULL,
    number     text        NOT NULL,
    version    integer     NOT NULL,
    seq        integer     NOT NULL, -- 1, 2 ... for the changes after issue
    status     text        NOT NULL, -- active, replaced, revoked
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (office, type, number, version, seq),
    FOREIGN KEY (office, type, number, version) REFERENCES documents (office, type, number, version)
);

CREATE TABLE handovers (
    office    text        NOT NULL,
    report_id text        NOT NULL,
    seq       integer     NOT NULL, -- the hand-over action's number
    receiver  text        NOT NULL,
    relation  text        NOT NULL,
    documents text        NOT NULL, -- JSON list of {type, number, version, status}
    at        timestamptz NOT NULL,
    PRIMARY KEY (office, report_id, seq),
    FOREIGN KEY (office, report_id, seq) REFERENCES actions (office, report_id, seq)
);

CREATE TRIGGER documents_append_only BEFORE DELETE OR UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER document_states_append_only BEFORE DELETE OR UPDATE ON document_states FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER handovers_append_only BEFORE DELETE OR UPDATE ON handovers FOR EACH ROW EXECUTE FUNCTION registry_refuse();

-- +goose Down
SELECT 1;
