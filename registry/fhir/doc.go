// Package fhir maps the FHIR R4 resources a SATUSEHAT-connected hospital
// system (SIMRS) already produces onto a [registry.BirthReport], so that a
// faskes reports a birth to the Dinas by sending them unchanged, as one
// Bundle (any type: transaction, collection ...). [DecodeBirthBundle]
// returns the report; [Decode] also returns where each field came from, to
// show the service's later errors against the bundle ([Result.Translate]).
//
// # Errors
//
// Malformed JSON, or an element of the wrong JSON type, is a *[DecodeError]
// that unwraps to [adminduk.ErrSyntax]. A bundle that cannot be mapped, or
// whose report could not be notified (a malformed NIK, an unknown unit, a
// village code that disagrees with its district), is a
// *[adminduk.ValidationError] listing every problem at once, each with a
// JSON pointer to the bundle's element ("/entry/3/resource/valueQuantity/unit")
// and messages in Indonesian and English. Resources and elements the
// mapping does not read are ignored.
//
// # Discharge first, the rest later
//
// A bundle with only what a SIMRS has at discharge — the newborn identified
// by nik-ibu, the mother with NIK, KK and an address with Kemendagri codes,
// birth date and time, sex, plurality, weight, length and the facility — maps
// to a report that [registry.Service.NotifyBirth] accepts and flags
// incomplete; Result.Missing lists what the Dinas must still collect
// (reporter, proof, parent case and father, birth order, attendant), and the
// officer cannot verify the report until a resubmission completes it (see
// [registry.BirthReport.ValidateNotify]).
//
// # Mapping
//
// The newborn is the one Patient with an identifier of system [SystemNIKIbu];
// the mother is the Patient whose [SystemNIK] identifier has that value.
//
//	FHIR element                                             report field
//	Bundle.identifier.value                                  external_ref
//	newborn Patient.name (official, else first: text, else   child.name; use "temp" or a name
//	  given + family)                                          "Bayi ..." sets provisional_name
//	newborn Patient.gender (male, female)                    child.sex (L, P)
//	newborn Patient.extension patient-religion               child.religion (KK names: Islam,
//	  (valueCodeableConcept text, else a coding's display)     Kristen ...; absent: no KIA yet)
//	newborn Patient.birthDate                                child.birth_date
//	newborn Patient._birthDate.extension patient-birthTime   child.birth_time (HH:MM as written,
//	                                                           in its own offset; same date)
//	newborn Patient.multipleBirthInteger (0 single; n the    child.multiplicity (tunggal, kembar-N)
//	  place in a multiple birth) or multipleBirthBoolean       with the plurality below
//	Observation LOINC 57722-1 (newborn, valueInteger)        plurality N (required for n > 0)
//	Observation LOINC 11638-1 (mother, valueInteger: live    child.birth_order = live births -
//	  births, this delivery included)                          plurality + place (1 when single)
//	Observation LOINC 8339-4 (newborn, valueQuantity)        child.weight_g (g, kg, [lb_av],
//	                                                           [oz_av]; rounded to the gram)
//	Observation LOINC 89269-5 (newborn, valueQuantity)       child.length_cm (cm, mm, m, [in_i];
//	                                                           rounded to the millimetre)
//	Encounter (of the newborn, else the mother)
//	  .location[0] -> Location.name                          child.place
//	  Location.type: SystemPlaceType code, else HL7 v3        child.place_type (HOSP, HU, GACH: rs;
//	    RoleCode                                               PTRES: rumah; other role codes: lainnya)
//	  .participant (type PPRF or ATND, or untyped) ->        child.attendant (SNOMED 309343006,
//	    Practitioner.qualification                             158965000, v2 MD: dokter; 309453006,
//	                                                           224535009, CNM, RN: bidan;
//	                                                           SystemAttendant codes; else lainnya)
//	mother Patient identifier SystemNIK                      mother.nik
//	mother Patient.name, .birthDate                          mother.name, mother.birth_date
//	mother extension patient-birthPlace valueAddress.city    mother.birth_place
//	mother extension SATUSEHAT citizenshipStatus             mother.citizenship (WNI, WNA)
//	identifier SystemKK (mother or newborn; must agree)      family.kk
//	mother Patient.address (home, else first; else the       family.address.street (lines joined
//	  newborn's) .line                                         by ", ")
//	  extension administrativeCode: village (10 digits;      family.address.village (dotted),
//	    province, city, district must agree), rt, rw           rt, rw (3 digits)
//	RelatedPerson relationship v3 RoleCode FTH or NFTH       father (nik, name, birth_date,
//	                                                           birth_place, citizenship)
//	RelatedPerson relationship v3 ParticipationType INF      reporter (nik, name; relation from its
//	                                                           RoleCode: FTH ayah, MTH ibu, other keluarga)
//	RelatedPerson relationship v3 ParticipationType WIT      witnesses (nik, name)
//	DocumentReference type SystemDocumentType code:
//	  surat-keterangan-lahir                                 proof surat-keterangan; certificate.number
//	                                                           (masterIdentifier, else identifier[0]),
//	                                                           .faskes (custodian Organization.name),
//	                                                           .attendant (authenticator Practitioner)
//	  sptjm-f2.03                                            proof sptjm
//	  buku-nikah, akta-perkawinan                            marriage (kind, number)
//	  sptjm-f2.04                                            parents kawin-belum-tercatat (with a father)
//	  kk, ktp-el, lainnya                                    (attachment only)
//	  any of them with content.attachment.url                attachments (kind, ref = url)
//	father + proof of marriage; father + mother's            parents kawin
//	  maritalStatus M (v3 MaritalStatus)
//	no father, mother's maritalStatus S or U                 parents ibu
//
// Observations with status entered-in-error or cancelled, and
// DocumentReferences entered-in-error or superseded, are ignored; two
// observations of one kind, two fathers, two reporters or two proofs are
// errors. References are resolved by fullUrl, "Type/id" or an absolute URL
// ending in Type/id; a reference to a resource missing from the bundle is
// an error. The unit factors are exact by definition (UCUM): the
// avoirdupois pound 453.59237 g, its ounce 1/16 of it, the international
// inch 2.54 cm.
//
// The codes of form F-2.01 that neither SATUSEHAT nor HL7 has (a puskesmas
// or polindes as place, the Indonesian documents) are codes of this
// package's systems [SystemPlaceType], [SystemAttendant] and
// [SystemDocumentType], whose values are the registry's JSON keys.
package fhir
