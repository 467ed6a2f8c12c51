-- Webhooks (Standard Webhooks v1): endpoints of partners, the changes of an
-- endpoint (its secrets, its disabling), the outbox of events written in the
-- transaction of every action and issued document, the deliveries of events
-- to endpoints, and every attempt. Endpoints, changes, events and attempts
-- are append-only; a delivery's row is the projection of its attempts (its
-- state, next attempt and lease), updated like reports.status and never
-- deleted. Secrets are kept in clear: they are shared HMAC keys the
-- registry signs with. Every key leads with the office, for Citus; workers
-- claim due deliveries with FOR UPDATE SKIP LOCKED.

-- +goose Up
CREATE TABLE webhook_endpoints (
    office     text        NOT NULL,
    id         text        NOT NULL,
    partner_id text        NOT NULL,
    url        text        NOT NULL,
    created_at timestamptz NOT NULL,
    actor      text        NOT NULL,
    PRIMARY KEY (office, id)
);
CREATE INDEX webhook_endpoints_partner ON webhook_endpoints (office, partner_id);

CREATE TABLE webhook_endpoint_changes (
    office         text        NOT NULL,
    endpoint_id    text        NOT NULL,
    seq            integer     NOT NULL, -- 1: the first secret
    change         text        NOT NULL CHECK (change IN ('secret', 'disable')),
    secret         text        NOT NULL DEFAULT '',
    previous_until timestamptz,          -- a rotation: the previous secrets sign until then
    reason         text        NOT NULL DEFAULT '',
    actor          text        NOT NULL,
    at             timestamptz NOT NULL,
    PRIMARY KEY (office, endpoint_id, seq),
    FOREIGN KEY (office, endpoint_id) REFERENCES webhook_endpoints (office, id)
);
CREATE UNIQUE INDEX webhook_endpoint_disabled ON webhook_endpoint_changes (office, endpoint_id) WHERE change = 'disable';

CREATE TABLE webhook_events (
    office       text        NOT NULL,
    id           text        NOT NULL, -- the message id, msg_...
    partner_id   text        NOT NULL,
    type         text        NOT NULL,
    report_id    text        NOT NULL,
    external_ref text        NOT NULL,
    status       text        NOT NULL,
    doc_type     text        NOT NULL DEFAULT '',
    doc_number   text        NOT NULL DEFAULT '',
    doc_version  integer     NOT NULL DEFAULT 0,
    occurred_at  timestamptz NOT NULL,
    PRIMARY KEY (office, id),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id)
);

CREATE TABLE webhook_deliveries (
    office      text        NOT NULL,
    event_id    text        NOT NULL,
    endpoint_id text        NOT NULL,
    state       integer     NOT NULL DEFAULT 1, -- 1 pending, 2 delivered, 3 failed
    attempts    integer     NOT NULL DEFAULT 0, -- attempts claimed
    next_at     timestamptz NOT NULL,           -- due (pending) or lease end (claimed)
    lease_owner text        NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (office, event_id, endpoint_id),
    FOREIGN KEY (office, event_id) REFERENCES webhook_events (office, id),
    FOREIGN KEY (office, endpoint_id) REFERENCES webhook_endpoints (office, id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_at) WHERE state = 1;
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (office, endpoint_id, created_at);

CREATE TABLE webhook_attempts (
    office      text        NOT NULL,
    event_id    text        NOT NULL,
    endpoint_id text        NOT NULL,
    n           integer     NOT NULL,
    at          timestamptz NOT NULL,
    status_code integer     NOT NULL DEFAULT 0,
    error       text        NOT NULL DEFAULT '',
    duration_us bigint      NOT NULL,
    worker      text        NOT NULL,
    PRIMARY KEY (office, event_id, endpoint_id, n),
    FOREIGN KEY (office, event_id, endpoint_id) REFERENCES webhook_deliveries (office, event_id, endpoint_id)
);

CREATE TRIGGER webhook_endpoints_append_only BEFORE DELETE OR UPDATE ON webhook_endpoints FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER webhook_endpoint_changes_append_only BEFORE DELETE OR UPDATE ON webhook_endpoint_changes FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER webhook_events_append_only BEFORE DELETE OR UPDATE ON webhook_events FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER webhook_deliveries_no_delete BEFORE DELETE ON webhook_deliveries FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER webhook_attempts_append_only BEFORE DELETE OR UPDATE ON webhook_attempts FOR EACH ROW EXECUTE FUNCTION registry_refuse();

-- +goose Down
SELECT 1;
