-- The family register (KK), deaths and stillbirths (issue 11).
-- families: one row per version of a KK, never updated. source is "import"
-- (seeded from SIAK or by an officer), "report" (built from a birth report:
-- the KK was unknown to the registry, or the family is new) or "registry"
-- (the next version of a version held here). previous_kk names the KK a new
-- number replaces (the head died). The current version of a KK is its
-- highest; it is replaced when a later version exists or another KK names it
-- as previous_kk. model is the akta.Family JSON of the version.
-- family_members: the members of each version, to find a person's family.
-- kk_serials: the next serial of new KK numbers per (kecamatan, day).
-- doc_serials: the office's daily sequence per document type (SKLM).
-- deaths: a person registered deceased (nik '' for a newborn who died before
-- registration, then birth_report_id links it); at most one death per NIK.
-- stillbirths: registered stillbirths, counted per period by their date.

-- +goose Up
CREATE TABLE families (
    office      text    NOT NULL,
    kk          text    NOT NULL,
    version     integer NOT NULL,
    source      text    NOT NULL,
    previous_kk text    NOT NULL DEFAULT '',
    report_id   text    NOT NULL DEFAULT '',
    head_nik    text    NOT NULL,
    model       text    NOT NULL,
    actor       text    NOT NULL,
    at          timestamptz    NOT NULL,
    PRIMARY KEY (office, kk, version)
);
CREATE INDEX families_previous ON families (office, previous_kk);

CREATE TABLE family_members (
    office     text    NOT NULL,
    kk         text    NOT NULL,
    version    integer NOT NULL,
    pos        integer NOT NULL,
    nik        text    NOT NULL,
    name       text    NOT NULL,
    relation   text    NOT NULL,
    sex        text    NOT NULL,
    birth_date text    NOT NULL,
    PRIMARY KEY (office, kk, version, pos),
    FOREIGN KEY (office, kk, version) REFERENCES families (office, kk, version)
);
CREATE INDEX family_members_nik ON family_members (office, nik, kk, version);

CREATE TABLE kk_serials (
    office    text    NOT NULL,
    kecamatan text    NOT NULL,
    day       text    NOT NULL,
    last      integer NOT NULL,
    PRIMARY KEY (office, kecamatan, day)
);

CREATE TABLE doc_serials (
    office text    NOT NULL,
    type   text    NOT NULL,
    day    text    NOT NULL,
    last   integer NOT NULL,
    PRIMARY KEY (office, type, day)
);

CREATE TABLE deaths (
    office          text NOT NULL,
    report_id       text NOT NULL,
    nik             text NOT NULL DEFAULT '',
    birth_report_id text NOT NULL DEFAULT '',
    death_date      date NOT NULL,
    at              timestamptz NOT NULL,
    PRIMARY KEY (office, report_id),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id)
);
CREATE UNIQUE INDEX deaths_nik ON deaths (office, nik) WHERE nik <> '';
CREATE INDEX deaths_birth_report ON deaths (office, birth_report_id);

CREATE TABLE stillbirths (
    office     text NOT NULL,
    report_id  text NOT NULL,
    number     text NOT NULL,
    date       date NOT NULL,
    kecamatan  text NOT NULL,
    sex        text NOT NULL DEFAULT '',
    at         timestamptz NOT NULL,
    PRIMARY KEY (office, report_id),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id)
);
CREATE INDEX stillbirths_date ON stillbirths (office, date);

CREATE TRIGGER families_append_only BEFORE DELETE OR UPDATE ON families FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER family_members_append_only BEFORE DELETE OR UPDATE ON family_members FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER deaths_append_only BEFORE DELETE OR UPDATE ON deaths FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER stillbirths_append_only BEFORE DELETE OR UPDATE ON stillbirths FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER kk_serials_no_delete BEFORE DELETE ON kk_serials FOR EACH ROW EXECUTE FUNCTION registry_refuse();
CREATE TRIGGER doc_serials_no_delete BEFORE DELETE ON doc_serials FOR EACH ROW EXECUTE FUNCTION registry_refuse();

-- +goose Down
SELECT 1;
