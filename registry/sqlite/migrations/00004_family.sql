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
    office      TEXT    NOT NULL,
    kk          TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    source      TEXT    NOT NULL,
    previous_kk TEXT    NOT NULL DEFAULT '',
    report_id   TEXT    NOT NULL DEFAULT '',
    head_nik    TEXT    NOT NULL,
    model       TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    at          TEXT    NOT NULL,
    PRIMARY KEY (office, kk, version)
) WITHOUT ROWID;
CREATE INDEX families_previous ON families (office, previous_kk);

CREATE TABLE family_members (
    office     TEXT    NOT NULL,
    kk         TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    pos        INTEGER NOT NULL,
    nik        TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    relation   TEXT    NOT NULL,
    sex        TEXT    NOT NULL,
    birth_date TEXT    NOT NULL,
    PRIMARY KEY (office, kk, version, pos),
    FOREIGN KEY (office, kk, version) REFERENCES families (office, kk, version)
) WITHOUT ROWID;
CREATE INDEX family_members_nik ON family_members (office, nik, kk, version);

CREATE TABLE kk_serials (
    office    TEXT    NOT NULL,
    kecamatan TEXT    NOT NULL,
    day       TEXT    NOT NULL,
    last      INTEGER NOT NULL,
    PRIMARY KEY (office, kecamatan, day)
);

CREATE TABLE doc_serials (
    office TEXT    NOT NULL,
    type   TEXT    NOT NULL,
    day    TEXT    NOT NULL,
    last   INTEGER NOT NULL,
    PRIMARY KEY (office, type, day)
);

CREATE TABLE deaths (
    office          TEXT NOT NULL,
    report_id       TEXT NOT NULL,
    nik             TEXT NOT NULL DEFAULT '',
    birth_report_id TEXT NOT NULL DEFAULT '',
    death_date      TEXT NOT NULL,
    at              TEXT NOT NULL,
    PRIMARY KEY (office, report_id),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id)
);
CREATE UNIQUE INDEX deaths_nik ON deaths (office, nik) WHERE nik <> '';
CREATE INDEX deaths_birth_report ON deaths (office, birth_report_id);

CREATE TABLE stillbirths (
    office     TEXT NOT NULL,
    report_id  TEXT NOT NULL,
    number     TEXT NOT NULL,
    date       TEXT NOT NULL,
    kecamatan  TEXT NOT NULL,
    sex        TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL,
    PRIMARY KEY (office, report_id),
    FOREIGN KEY (office, report_id) REFERENCES reports (office, id)
);
CREATE INDEX stillbirths_date ON stillbirths (office, date);

-- +goose StatementBegin
CREATE TRIGGER families_no_delete BEFORE DELETE ON families BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER families_no_update BEFORE UPDATE ON families BEGIN SELECT RAISE(ABORT, 'registry: family versions are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER family_members_no_delete BEFORE DELETE ON family_members BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER family_members_no_update BEFORE UPDATE ON family_members BEGIN SELECT RAISE(ABORT, 'registry: family versions are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER deaths_no_delete BEFORE DELETE ON deaths BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER deaths_no_update BEFORE UPDATE ON deaths BEGIN SELECT RAISE(ABORT, 'registry: deaths are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER stillbirths_no_delete BEFORE DELETE ON stillbirths BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER stillbirths_no_update BEFORE UPDATE ON stillbirths BEGIN SELECT RAISE(ABORT, 'registry: stillbirths are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER kk_serials_no_delete BEFORE DELETE ON kk_serials BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER doc_serials_no_delete BEFORE DELETE ON doc_serials BEGIN SELECT RAISE(ABORT, 'registry: nothing is deleted'); END;
-- +goose StatementEnd

-- +goose Down
SELECT 1;
