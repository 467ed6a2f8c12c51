-- Officer accounts of a Dinas and their web sessions. An account row is
-- never updated: the password hash is an encoded argon2id PHC string.
-- A session is stored by the SHA-256 of its token (the token itself is
-- never stored); logging out appends a row to session_revocations.
-- Three indexes serve the officer's pages: the work queue of one kind, newest
-- first, and the dashboard's counts by kind and status (index-only); and
-- the newest reports of any kind with a flag (late).
-- Usernames are unique across offices (one login form serves them all);
-- on Citus the officers table is a reference table (small, read at login).

-- +goose Up
CREATE INDEX reports_kind_created ON reports (office, kind, created_at);
CREATE INDEX reports_kind_status ON reports (office, kind, status);
CREATE INDEX reports_created ON reports (office, created_at);

CREATE TABLE officers (
    office        text        NOT NULL,
    username      text        NOT NULL,
    name          text        NOT NULL,
    role          text        NOT NULL, -- viewer, officer, supervisor
    password_hash text        NOT NULL, -- $argon2id$v=19$m=...,t=...,p=...$salt$hash
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (office, username)
);
CREATE UNIQUE INDEX officers_username ON officers (username);

CREATE TABLE officer_sessions (
    office     text        NOT NULL,
    token_hash text        NOT NULL, -- hex SHA-256 of the session token
    username   text        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (office, token_hash),
    FOREIGN KEY (office, username) REFERENCES officers (office, username)
);
CREATE UNIQUE INDEX officer_sessions_token ON officer_sessions (token_hash);

CREATE TABLE session_revocations (
    office     text        NOT NULL,
    token_hash text        NOT NULL,
    revoked_at timestamptz NOT NULL,
    PRIMARY KEY (office, token_hash),
    FOREIGN KEY (office, token_hash) REFERENCES officer_sessions (office, token_hash)
);

CREATE TRIGGER officers_append_only BEFORE DELETE OR UPDATE ON officers FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER officer_sessions_append_only BEFORE DELETE OR UPDATE ON officer_sessions FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER session_revocations_append_only BEFORE DELETE OR UPDATE ON session_revocations FOR EACH ROW EXECUTE FUNCTION registry_refuse();

-- +goose Down
SELECT 1;
