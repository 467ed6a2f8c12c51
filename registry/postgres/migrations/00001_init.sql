-- The registry schema for PostgreSQL. Every table leads with the office
-- (kab/kota, 4 digits), and every primary key and unique constraint includes
-- it, so that the schema can be distributed by office on Citus
-- (SELECT create_distributed_table('reports', 'office'), and likewise for
-- the other tables). Nothing is ever deleted: a trigger refuses DELETE
-- everywhere and UPDATE on the append-only tables.

-- +goose Up
CREATE TABLE agreements (
    office     text        NOT NULL,
    id         text        NOT NULL,
    partner_id text        NOT NULL,
    body       jsonb       NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (office, id)
);
CREATE INDEX agreements_partner ON agreements (partner_id);

CREATE TABLE reports (
    office       text        NOT NULL,
    id           text        NOT NULL,
    kind         integer     NOT NULL,
    partner_id   text        NOT NULL,
    agreement_id text        NOT NULL,
    external_ref text        NOT NULL DEFAULT '',
    body         text        NOT NULL, -- the canonical JSON as hashed
    body_hash    text        NOT NULL,
    flags        integer     NOT NULL,
    status       integer     NOT NULL, -- projection of the action log
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (office, id)
);
CREATE UNIQUE INDEX reports_external_ref ON reports (office, partner_id, external_ref) WHERE external_ref <> '';
CREATE INDEX reports_status ON reports (office, status, created_at);
CREATE INDEX reports_partner ON reports (office, partner_id, created_at);

CREATE TABLE actions (
    office    text        NOT NULL,
    report_id text        NOT NULL,
    seq       integer     NOT NULL,
    type      integer     NOT NULL,
    actor     text        NOT NULL,
    at        timestamptz NOT NULL,
    reason    text        NOT NULL DEFAULT '',
    PRIMARY KEY (office, report_id, seq),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id)
);

CREATE TABLE idempotency_keys (
    office     text        NOT NULL,
    partner_id text        NOT NULL,
    key        text        NOT NULL,
    body_hash  text        NOT NULL,
    report_id  text        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (office, partner_id, key),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id)
);

CREATE TABLE nik_serials (
    office    text    NOT NULL,
    kecamatan text    NOT NULL,
    digits    text    NOT NULL, -- DDMMYY, day +40 for girls
    last      integer NOT NULL,
    PRIMARY KEY (office, kecamatan, digits)
);

CREATE TABLE akta_serials (
    office text    NOT NULL,
    day    text    NOT NULL,
    last   integer NOT NULL,
    PRIMARY KEY (office, day)
);

CREATE TABLE registrations (
    office        text        NOT NULL,
    report_id     text        NOT NULL,
    nik           text        NOT NULL DEFAULT '',
    akta_number   text        NOT NULL DEFAULT '',
    registered_on date        NOT NULL,
    at            timestamptz NOT NULL,
    PRIMARY KEY (office, report_id),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id)
);
CREATE UNIQUE INDEX registrations_nik ON registrations (office, nik) WHERE nik <> '';
CREATE UNIQUE INDEX registrations_akta ON registrations (office, akta_number) WHERE akta_number <> '';

CREATE TABLE audit (
    office text        NOT NULL,
    seq    bigint      GENERATED ALWAYS AS IDENTITY,
    at     timestamptz NOT NULL,
    actor  text        NOT NULL,
    action text        NOT NULL,
    record text        NOT NULL,
    detail text        NOT NULL DEFAULT '',
    PRIMARY KEY (office, seq)
);
CREATE INDEX audit_record ON audit (office, record, seq);

-- +goose StatementBegin
CREATE FUNCTION registry_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'registry: % on % refused: nothing is deleted, the journals are append-only', TG_OP, TG_TABLE_NAME;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER agreements_no_delete BEFORE DELETE ON agreements FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER actions_append_only BEFORE DELETE OR UPDATE ON actions FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER idempotency_keys_no_delete BEFORE DELETE ON idempotency_keys FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER registrations_append_only BEFORE DELETE OR UPDATE ON registrations FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER audit_append_only BEFORE DELETE OR UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION registry_refuse();

-- +goose Down
-- The registry never migrates down: nothing is ever deleted.
SELECT 1;
