-- The registry schema for SQLite. Every table leads with the office
-- (kab/kota, 4 digits) so that the same layout serves PostgreSQL and Citus.
-- Nothing is ever deleted: triggers refuse DELETE everywhere and UPDATE on
-- the append-only tables.

-- +goose Up
CREATE TABLE agreements (
    office     TEXT NOT NULL,
    id         TEXT NOT NULL,
    partner_id TEXT NOT NULL,
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (office, id)
);
CREATE INDEX agreements_partner ON agreements (partner_id);

CREATE TABLE reports (
    office       TEXT    NOT NULL,
    id           TEXT    NOT NULL,
    kind         INTEGER NOT NULL,
    partner_id   TEXT    NOT NULL,
    agreement_id TEXT    NOT NULL,
    external_ref TEXT    NOT NULL DEFAULT '',
    body         TEXT    NOT NULL,
    body_hash    TEXT    NOT NULL,
    flags        INTEGER NOT NULL,
    status       INTEGER NOT NULL, -- projection of the action log
    created_at   TEXT    NOT NULL,
    PRIMARY KEY (office, id)
);
CREATE UNIQUE INDEX reports_external_ref ON reports (office, partner_id, external_ref) WHERE external_ref <> '';
CREATE INDEX reports_status ON reports (office, status, created_at);
CREATE INDEX reports_partner ON reports (office, partner_id, created_at);

CREATE TABLE actions (
    office    TEXT    NOT NULL,
    report_id TEXT    NOT NULL,
    seq       INTEGER NOT NULL,
    type      INTEGER NOT NULL,
    actor     TEXT    NOT NULL,
    at        TEXT    NOT NULL,
    reason    TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (office, report_id, seq),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id)
);

CREATE TABLE idempotency_keys (
    office     TEXT NOT NULL,
    partner_id TEXT NOT NULL,
    key        TEXT NOT NULL,
    body_hash  TEXT NOT NULL,
    report_id  TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (office, partner_id, key),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id)
);

CREATE TABLE nik_serials (
    office    TEXT    NOT NULL,
    kecamatan TEXT    NOT NULL,
    digits    TEXT    NOT NULL, -- DDMMYY, day +40 for girls
    last      INTEGER NOT NULL,
    PRIMARY KEY (office, kecamatan, digits)
);

CREATE TABLE akta_serials (
    office TEXT    NOT NULL,
    day    TEXT    NOT NULL,
    last   INTEGER NOT NULL,
    PRIMARY KEY (office, day)
);

CREATE TABLE registrations (
    office        TEXT NOT NULL,
    report_id     TEXT NOT NULL,
    nik           TEXT NOT NULL DEFAULT '',
    akta_number   TEXT NOT NULL DEFAULT '',
    registered_on TEXT NOT NULL,
    at            TEXT NOT NULL,
    PRIMARY KEY (office, report_id),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id)
);
CREATE UNIQUE INDEX registrations_nik ON registrations (office, nik) WHERE nik <> '';
CREATE UNIQUE INDEX registrations_akta ON registrations (office, akta_number) WHERE akta_number <> '';

CREATE TABLE audit (
    office TEXT NOT NULL,
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    record TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_record ON audit (office, record, seq);

-- +goose StatementBegin
CREATE TRIGGER agreements_no_delete BEFORE DELETE ON agreements BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER actions_no_delete BEFORE DELETE ON actions BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER actions_no_update BEFORE UPDATE ON actions BEGIN SELECT RAISE(ABORT, 'registry: actions are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER idempotency_keys_no_delete BEFORE DELETE ON idempotency_keys BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER registrations_no_delete BEFORE DELETE ON registrations BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER registrations_no_update BEFORE UPDATE ON registrations BEGIN SELECT RAISE(ABORT, 'registry: registrations are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'registry: the audit journal is append-only'); END;
-- +goose StatementEnd

-- +goose Down
-- The registry never migrates down: nothing is ever deleted.
SELECT 1;
