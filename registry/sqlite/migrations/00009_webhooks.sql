-- Webhooks (Standard Webhooks v1): endpoints of partners, the changes of an
-- endpoint (its secrets, its disabling), the outbox of events written in the
-- transaction of every action and issued document, the deliveries of events
-- to endpoints, and every attempt. Endpoints, changes, events and attempts
-- are append-only; a delivery's row is the projection of its attempts (its
-- state, next attempt and lease), updated like reports.status and never
-- deleted. Secrets are kept in clear: they are shared HMAC keys the
-- registry signs with.

-- +goose Up
CREATE TABLE webhook_endpoints (
    office     TEXT NOT NULL,
    id         TEXT NOT NULL,
    partner_id TEXT NOT NULL,
    url        TEXT NOT NULL,
    created_at TEXT NOT NULL,
    actor      TEXT NOT NULL,
    PRIMARY KEY (office, id)
);
CREATE INDEX webhook_endpoints_partner ON webhook_endpoints (office, partner_id);

CREATE TABLE webhook_endpoint_changes (
    office         TEXT    NOT NULL,
    endpoint_id    TEXT    NOT NULL,
    seq            INTEGER NOT NULL, -- 1: the first secret
    change         TEXT    NOT NULL, -- 'secret' or 'disable'
    secret         TEXT    NOT NULL DEFAULT '',
    previous_until TEXT,             -- a rotation: the previous secrets sign until then
    reason         TEXT    NOT NULL DEFAULT '',
    actor          TEXT    NOT NULL,
    at             TEXT    NOT NULL,
    PRIMARY KEY (office, endpoint_id, seq),
    FOREIGN KEY (office, endpoint_id) REFERENCES webhook_endpoints (office, id)
);
CREATE UNIQUE INDEX webhook_endpoint_disabled ON webhook_endpoint_changes (office, endpoint_id) WHERE change = 'disable';

CREATE TABLE webhook_events (
    office       TEXT    NOT NULL,
    id           TEXT    NOT NULL, -- the message id, msg_...
    partner_id   TEXT    NOT NULL,
    type         TEXT    NOT NULL,
    report_id    TEXT    NOT NULL,
    external_ref TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    doc_type     TEXT    NOT NULL DEFAULT '',
    doc_number   TEXT    NOT NULL DEFAULT '',
    doc_version  INTEGER NOT NULL DEFAULT 0,
    occurred_at  TEXT    NOT NULL,
    PRIMARY KEY (office, id),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id)
) WITHOUT ROWID;

CREATE TABLE webhook_deliveries (
    office      TEXT    NOT NULL,
    event_id    TEXT    NOT NULL,
    endpoint_id TEXT    NOT NULL,
    state       INTEGER NOT NULL DEFAULT 1, -- 1 pending, 2 delivered, 3 failed
    attempts    INTEGER NOT NULL DEFAULT 0, -- attempts claimed
    next_at     TEXT    NOT NULL,           -- due (pending) or lease end (claimed)
    lease_owner TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL,
    PRIMARY KEY (office, event_id, endpoint_id),
    FOREIGN KEY (office, event_id) REFERENCES webhook_events (office, id),
    FOREIGN KEY (office, endpoint_id) REFERENCES webhook_endpoints (office, id)
) WITHOUT ROWID;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_at) WHERE state = 1;
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (office, endpoint_id, created_at);

CREATE TABLE webhook_attempts (
    office      TEXT    NOT NULL,
    event_id    TEXT    NOT NULL,
    endpoint_id TEXT    NOT NULL,
    n           INTEGER NOT NULL,
    at          TEXT    NOT NULL,
    status_code INTEGER NOT NULL DEFAULT 0,
    error       TEXT    NOT NULL DEFAULT '',
    duration_us INTEGER NOT NULL,
    worker      TEXT    NOT NULL,
    PRIMARY KEY (office, event_id, endpoint_id, n),
    FOREIGN KEY (office, event_id, endpoint_id) REFERENCES webhook_deliveries (office, event_id, endpoint_id)
);

-- +goose StatementBegin
CREATE TRIGGER webhook_endpoints_no_delete BEFORE DELETE ON webhook_endpoints BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER webhook_endpoints_no_update BEFORE UPDATE ON webhook_endpoints BEGIN SELECT RAISE(ABORT, 'registry: webhook endpoints are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER webhook_endpoint_changes_no_delete BEFORE DELETE ON webhook_endpoint_changes BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER webhook_endpoint_changes_no_update BEFORE UPDATE ON webhook_endpoint_changes BEGIN SELECT RAISE(ABORT, 'registry: webhook endpoint changes are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER webhook_events_no_delete BEFORE DELETE ON webhook_events BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER webhook_events_no_update BEFORE UPDATE ON webhook_events BEGIN SELECT RAISE(ABORT, 'registry: webhook events are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER webhook_deliveries_no_delete BEFORE DELETE ON webhook_deliveries BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER webhook_attempts_no_delete BEFORE DELETE ON webhook_attempts BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER webhook_attempts_no_update BEFORE UPDATE ON webhook_attempts BEGIN SELECT RAISE(ABORT, 'registry: webhook attempts are append-only'); END;
-- +goose StatementEnd

-- +goose Down
SELECT 1;
