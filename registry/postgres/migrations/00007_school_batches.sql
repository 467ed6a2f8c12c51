-- School batches (PKS with PAUD/TK, SD, SMP): one row per batch a school
-- sent, under its idempotency key, with the hash of the request and the
-- result returned; the KIA it issued are rows of documents, the versions they
-- replace rows of document_states. Append-only; the key leads with the
-- office, for distribution on Citus.

-- +goose Up
CREATE TABLE school_batches (
    office       text        NOT NULL,
    partner_id   text        NOT NULL,
    batch_key    text        NOT NULL,
    agreement_id text        NOT NULL,
    request_hash text        NOT NULL, -- hex SHA-256 of the canonical request
    actor        text        NOT NULL,
    result       text        NOT NULL, -- JSON of registry.SchoolBatchResult
    at           timestamptz NOT NULL,
    PRIMARY KEY (office, partner_id, batch_key)
);
CREATE TRIGGER school_batches_append_only BEFORE DELETE OR UPDATE ON school_batches FOR EACH ROW EXECUTE FUNCTION registry_refuse();

-- +goose Down
SELECT 1;
