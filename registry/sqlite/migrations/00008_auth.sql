-- Credentials of the HTTP API: partner API keys and officer bearer tokens,
-- stored as the SHA-256 of the secret (the secret itself is shown once and
-- never stored). A credential row is never updated or deleted; revoking it
-- is a row of credential_revocations. credential_uses keeps the last time a
-- credential was used: an observation, the one row here that is updated.
-- Attachments of reports (scans sniffed as PDF, JPEG or PNG) are stored in
-- the registry, append-only. Idempotency of the HTTP API's POSTs: a request
-- row when it starts, a response row when it ends; the response of a replay
-- is the stored one.

-- +goose Up
CREATE TABLE credentials (
    office     TEXT NOT NULL,
    id         TEXT NOT NULL,
    kind       TEXT NOT NULL, -- partner, officer
    partner_id TEXT NOT NULL DEFAULT '',
    username   TEXT NOT NULL DEFAULT '',
    role       TEXT NOT NULL DEFAULT '',
    label      TEXT NOT NULL DEFAULT '',
    hash       TEXT NOT NULL, -- hex SHA-256 of the secret
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    PRIMARY KEY (office, id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX credentials_hash ON credentials (hash);
CREATE INDEX credentials_partner ON credentials (office, partner_id);

CREATE TABLE credential_revocations (
    office        TEXT NOT NULL,
    credential_id TEXT NOT NULL,
    revoked_at    TEXT NOT NULL,
    revoked_by    TEXT NOT NULL,
    PRIMARY KEY (office, credential_id),
    FOREIGN KEY (office, credential_id) REFERENCES credentials (office, id)
) WITHOUT ROWID;

CREATE TABLE credential_uses (
    office        TEXT NOT NULL,
    credential_id TEXT NOT NULL,
    last_used_at  TEXT NOT NULL,
    PRIMARY KEY (office, credential_id),
    FOREIGN KEY (office, credential_id) REFERENCES credentials (office, id)
) WITHOUT ROWID;

CREATE TABLE attachments (
    office     TEXT    NOT NULL,
    report_id  TEXT    NOT NULL,
    seq        INTEGER NOT NULL, -- 1, 2 ... per report
    kind       TEXT    NOT NULL, -- surat_keterangan_lahir, kk, ...
    media_type TEXT    NOT NULL, -- sniffed: application/pdf, image/jpeg, image/png
    size       INTEGER NOT NULL,
    sha256     TEXT    NOT NULL,
    data       BLOB    NOT NULL,
    created_at TEXT    NOT NULL,
    created_by TEXT    NOT NULL,
    PRIMARY KEY (office, report_id, seq),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id)
);

CREATE TABLE http_requests (
    office       TEXT NOT NULL,
    caller       TEXT NOT NULL, -- the credential's partner or officer
    key          TEXT NOT NULL, -- Idempotency-Key
    request_hash TEXT NOT NULL, -- hex SHA-256 of method, path and body
    started_at   TEXT NOT NULL,
    PRIMARY KEY (office, caller, key)
) WITHOUT ROWID;

CREATE TABLE http_responses (
    office       TEXT    NOT NULL,
    caller       TEXT    NOT NULL,
    key          TEXT    NOT NULL,
    status       INTEGER NOT NULL,
    content_type TEXT    NOT NULL,
    body         BLOB    NOT NULL,
    finished_at  TEXT    NOT NULL,
    PRIMARY KEY (office, caller, key),
    FOREIGN KEY (office, caller, key) REFERENCES http_requests (office, caller, key)
) WITHOUT ROWID;

-- +goose StatementBegin
CREATE TRIGGER credentials_no_delete BEFORE DELETE ON credentials BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER credentials_no_update BEFORE UPDATE ON credentials BEGIN SELECT RAISE(ABORT, 'registry: credentials are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER credential_revocations_no_delete BEFORE DELETE ON credential_revocations BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER credential_revocations_no_update BEFORE UPDATE ON credential_revocations BEGIN SELECT RAISE(ABORT, 'registry: revocations are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER credential_uses_no_delete BEFORE DELETE ON credential_uses BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments BEGIN SELECT RAISE(ABORT, 'registry: attachments are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER http_requests_no_delete BEFORE DELETE ON http_requests BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER http_requests_no_update BEFORE UPDATE ON http_requests BEGIN SELECT RAISE(ABORT, 'registry: requests are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER http_responses_no_delete BEFORE DELETE ON http_responses BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER http_responses_no_update BEFORE UPDATE ON http_responses BEGIN SELECT RAISE(ABORT, 'registry: responses are append-only'); END;
-- +goose StatementEnd

-- +goose Down
SELECT 1;
