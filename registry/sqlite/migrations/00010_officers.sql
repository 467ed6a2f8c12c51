-- Officer accounts of a Dinas and their web sessions. An account row is
-- never updated: the password hash is an encoded argon2id PHC string.
-- A session is stored by the SHA-256 of its token (the token itself is
-- never stored); logging out appends a row to session_revocations.
-- Three indexes serve the officer's pages: the work queue of one kind, newest
-- first, and the dashboard's counts by kind and status (index-only); and
-- the newest reports of any kind with a flag (late).
-- Usernames are unique across offices (one login form serves them all).

-- +goose Up
CREATE INDEX reports_kind_created ON reports (office, kind, created_at);
CREATE INDEX reports_kind_status ON reports (office, kind, status);
CREATE INDEX reports_created ON reports (office, created_at);

CREATE TABLE officers (
    office        TEXT NOT NULL,
    username      TEXT NOT NULL,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL, -- viewer, officer, supervisor
    password_hash TEXT NOT NULL, -- $argon2id$v=19$m=...,t=...,p=...$salt$hash
    created_at    TEXT NOT NULL,
    PRIMARY KEY (office, username)
) WITHOUT ROWID;
CREATE UNIQUE INDEX officers_username ON officers (username);

CREATE TABLE officer_sessions (
    office     TEXT NOT NULL,
    token_hash TEXT NOT NULL, -- hex SHA-256 of the session token
    username   TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    PRIMARY KEY (office, token_hash),
    FOREIGN KEY (office, username) REFERENCES officers (office, username)
) WITHOUT ROWID;
CREATE UNIQUE INDEX officer_sessions_token ON officer_sessions (token_hash);

CREATE TABLE session_revocations (
    office     TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    revoked_at TEXT NOT NULL,
    PRIMARY KEY (office, token_hash),
    FOREIGN KEY (office, token_hash) REFERENCES officer_sessions (office, token_hash)
) WITHOUT ROWID;

-- +goose StatementBegin
CREATE TRIGGER officers_no_delete BEFORE DELETE ON officers BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER officers_no_update BEFORE UPDATE ON officers BEGIN SELECT RAISE(ABORT, 'registry: officer accounts are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER officer_sessions_no_delete BEFORE DELETE ON officer_sessions BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER officer_sessions_no_update BEFORE UPDATE ON officer_sessions BEGIN SELECT RAISE(ABORT, 'registry: sessions are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER session_revocations_no_delete BEFORE DELETE ON session_revocations BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER session_revocations_no_update BEFORE UPDATE ON session_revocations BEGIN SELECT RAISE(ABORT, 'registry: revocations are append-only'); END;
-- +goose StatementEnd

-- +goose Down
SELECT 1;
