-- School batches (PKS with PAUD/TK, SD, SMP): one row per batch a school
-- sent, under its idempotency key, with the hash of the request and the
-- result returned; the KIA it issued are rows of documents, the versions they
-- replace rows of document_states. Append-only, led by the office.

-- +goose Up
CREATE TABLE school_batches (
    office       TEXT NOT NULL,
    partner_id   TEXT NOT NULL,
    batch_key    TEXT NOT NULL,
    agreement_id TEXT NOT NULL,
    request_hash TEXT NOT NULL, -- hex SHA-256 of the canonical request
    actor        TEXT NOT NULL,
    result       TEXT NOT NULL, -- JSON of registry.SchoolBatchResult
    at           TEXT NOT NULL,
    PRIMARY KEY (office, partner_id, batch_key)
) WITHOUT ROWID;

-- +goose StatementBegin
CREATE TRIGGER school_batches_no_delete BEFORE DELETE ON school_batches BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER school_batches_no_update BEFORE UPDATE ON school_batches BEGIN SELECT RAISE(ABORT, 'registry: school batches are append-only'); END;
-- +goose StatementEnd

-- +goose Down
SELECT 1;
