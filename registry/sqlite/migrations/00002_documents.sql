-- Documents issued: one row per version, never updated, with the state it
-- was issued in; a later change of state (replaced, revoked) is a new row of
-- document_states, and the state of a version is its last such row, or the
-- one it was issued in when there is none.
-- Hand-overs record who received which documents.

-- +goose Up
CREATE TABLE documents (
    office    TEXT    NOT NULL,
    type      TEXT    NOT NULL,
    number    TEXT    NOT NULL,
    version   INTEGER NOT NULL,
    report_id TEXT    NOT NULL,
    status    TEXT    NOT NULL, -- the state it was issued in
    payload   TEXT    NOT NULL, -- the signed QR credential (Base45)
    issued_at TEXT    NOT NULL,
    PRIMARY KEY (office, type, number, version),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id)
) WITHOUT ROWID;
CREATE INDEX documents_report ON documents (office, report_id);

CREATE TABLE document_states (
    office     TEXT    NOT NULL,
    type       TEXT    NOT NULL,
    number     TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    seq        INTEGER NOT NULL, -- 1, 2 ... for the changes after issue
    status     TEXT    NOT NULL, -- active, replaced, revoked
    changed_at TEXT    NOT NULL,
    PRIMARY KEY (office, type, number, version, seq),
    FOREIGN KEY (office, type, number, version) REFERENCES documents (office, type, number, version)
);

CREATE TABLE handovers (
    office     TEXT    NOT NULL,
    report_id  TEXT    NOT NULL,
    seq        INTEGER NOT NULL, -- 1, 2 ... for the changes after issue -- the hand-over action's number
    receiver   TEXT    NOT NULL,
    relation   TEXT    NOT NULL,
    documents  TEXT    NOT NULL, -- JSON list of {type, number, version, status}
    at         TEXT    NOT NULL,
    PRIMARY KEY (office, report_id, seq),
    FOREIGN KEY (office, report_id, seq) REFERENCES actions (office, report_id, seq)
);

-- +goose StatementBegin
CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents BEGIN SELECT RAISE(ABORT, 'registry: documents are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER document_states_no_delete BEFORE DELETE ON document_states BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER document_states_no_update BEFORE UPDATE ON document_states BEGIN SELECT RAISE(ABORT, 'registry: document states are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER handovers_no_delete BEFORE DELETE ON handovers BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER handovers_no_update BEFORE UPDATE ON handovers BEGIN SELECT RAISE(ABORT, 'registry: hand-overs are append-only'); END;
-- +goose StatementEnd

-- +goose Down
SELECT 1;
