-- Documents issued at registration: one row per version, never updated; the
-- state of a version is the last row of its history in document_states.
-- Hand-overs record who received which documents. Every key leads with the
-- office, for distribution on Citus.

-- +goose Up
CREATE TABLE documents (
    office    text        NOT NULL,
    type      text        NOT NULL,
    number    text        NOT NULL,
    version   integer     NOT NULL,
    report_id text        NOT NULL,
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
    seq        integer     NOT NULL,
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
