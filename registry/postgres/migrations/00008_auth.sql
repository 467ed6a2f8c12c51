-- Credentials of the HTTP API: partner API keys and officer bearer tokens,
-- stored as the SHA-256 of the secret (the secret itself is shown once and
-- never stored). A credential row is never updated or deleted; revoking it
-- is a row of credential_revocations. credential_uses keeps the last time a
-- credential was used: an observation, the one row here that is updated.
-- Attachments of reports (scans sniffed as PDF, JPEG or PNG) are stored in
-- the registry, append-only. Idempotency of the HTTP API's POSTs: a request
-- row when it starts, a response row when it ends; the response of a replay
-- is the stored one. Every key leads with the office, for Citus.

-- +goose Up
CREATE TABLE credentials (
    office     text        NOT NULL,
    id         text        NOT NULL,
    kind       text        NOT NULL, -- partner, officer
    partner_id text        NOT NULL DEFAULT '',
    username   text        NOT NULL DEFAULT '',
    role       text        NOT NULL DEFAULT '',
    label      text        NOT NULL DEFAULT '',
    hash       text        NOT NULL, -- hex SHA-256 of the secret
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL,
    PRIMARY KEY (office, id)
);
CREATE UNIQUE INDEX credentials_hash ON credentials (hash);
CREATE INDEX credentials_partner ON credentials (office, partner_id);

CREATE TABLE credential_revocations (
    office        text        NOT NULL,
    credential_id text        NOT NULL,
    revoked_at    timestamptz NOT NULL,
    revoked_by    text        NOT NULL,
    PRIMARY KEY (office, credential_id),
    FOREIGN KEY (office, credential_id) REFERENCES credentials (office, id)
);

CREATE TABLE credential_uses (
    office        text        NOT NULL,
    credential_id text        NOT NULL,
    last_used_at  timestamptz NOT NULL,
    PRIMARY KEY (office, credential_id),
    FOREIGN KEY (office, credential_id) REFERENCES credentials (office, id)
);

CREATE TABLE attachments (
    office     text        NOT NULL,
    report_id  text        NOT NULL,
    seq        integer     NOT NULL, -- 1, 2 ... per report
    kind       text        NOT NULL,
    media_type text        NOT NULL, -- sniffed: application/pdf, image/jpeg, image/png
    size       integer     NOT NULL,
    sha256     text        NOT NULL,
    data       bytea       NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL,
    PRIMARY KEY (office, report_id, seq),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id)
);

CREATE TABLE http_requests (
    office       text        NOT NULL,
    caller       text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    started_at   timestamptz NOT NULL,
    PRIMARY KEY (office, caller, key)
);

CREATE TABLE http_responses (
    office       text        NOT NULL,
    caller       text        NOT NULL,
    key          text        NOT NULL,
    status       integer     NOT NULL,
    content_type text        NOT NULL,
    body         bytea       NOT NULL,
    finished_at  timestamptz NOT NULL,
    PRIMARY KEY (office, caller, key),
    FOREIGN KEY (office, caller, key) REFERENCES http_requests (office, caller, key)
);

CREATE TRIGGER credentials_append_only BEFORE DELETE OR UPDATE ON credentials FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER credential_revocations_append_only BEFORE DELETE OR UPDATE ON credential_revocations FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER credential_uses_no_delete BEFORE DELETE ON credential_uses FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER attachments_append_only BEFORE DELETE OR UPDATE ON attachments FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER http_requests_append_only BEFORE DELETE OR UPDATE ON http_requests FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER http_responses_append_only BEFORE DELETE OR UPDATE ON http_responses FOR EACH ROW EXECUTE FUNCTION registry_refuse();

-- +goose Down
SELECT 1;
