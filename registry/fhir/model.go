package fhir

import "encoding/json"

// The subset of FHIR R4 the mapping reads. Elements it does not read are
// ignored: a SIMRS bundle carries much more than a birth report needs.

type bundle struct {
	ResourceType string      `json:"resourceType"`
	Type         string      `json:"type"`
	Identifier   *identifier `json:"identifier"`
	Entry        []entry     `json:"entry"`
}

type entry struct {
	FullURL  string          `json:"fullUrl"`
	Resource json.RawMessage `json:"resource"`
}

type head struct {
	ResourceType string `json:"resourceType"`
	ID           string `json:"id"`
}

type identifier struct {
	Use    string `json:"use"`
	System string `json:"system"`
	Value  string `json:"value"`
}

type coding struct {
	System  string `json:"system"`
	Code    string `json:"code"`
	Display string `json:"display"`
}

type codeableConcept struct {
	Coding []coding `json:"coding"`
	Text   string   `json:"text"`
}

type reference struct {
	Reference string `json:"reference"`
	Display   string `json:"display"`
}

type extension struct {
	URL           string   `json:"url"`
	ValueCode     string   `json:"valueCode"`
	ValueString   string   `json:"valueString"`
	ValueDateTime string   `json:"valueDateTime"`
	ValueAddress  *address `json:"valueAddress"`
	// ValueCodeableConcept is read for patient-religion.
	ValueCodeableConcept *codeableConcept `json:"valueCodeableConcept"`
	Extension            []extension      `json:"extension"`
}

type humanName struct {
	Use    string   `json:"use"`
	Text   string   `json:"text"`
	Family string   `json:"family"`
	Given  []string `json:"given"`
}

type address struct {
	Use       string      `json:"use"`
	Line      []string    `json:"line"`
	City      string      `json:"city"`
	Extension []extension `json:"extension"`
}

// element is the "_birthDate" companion of a primitive: its extensions.
type element struct {
	Extension []extension `json:"extension"`
}

type patient struct {
	Identifier           []identifier     `json:"identifier"`
	Name                 []humanName      `json:"name"`
	Gender               string           `json:"gender"`
	BirthDate            string           `json:"birthDate"`
	BirthDateElement     *element         `json:"_birthDate"`
	Address              []address        `json:"address"`
	MaritalStatus        *codeableConcept `json:"maritalStatus"`
	MultipleBirthInteger *int             `json:"multipleBirthInteger"`
	MultipleBirthBoolean *bool            `json:"multipleBirthBoolean"`
	Extension            []extension      `json:"extension"`
}

type relatedPerson struct {
	Patient      reference         `json:"patient"`
	Identifier   []identifier      `json:"identifier"`
	Relationship []codeableConcept `json:"relationship"`
	Name         []humanName       `json:"name"`
	BirthDate    string            `json:"birthDate"`
	Extension    []extension       `json:"extension"`
}

type quantity struct {
	Value  *float64 `json:"value"`
	Unit   string   `json:"unit"`
	System string   `json:"system"`
	Code   string   `json:"code"`
}

type observation struct {
	Status        string          `json:"status"`
	Code          codeableConcept `json:"code"`
	Subject       reference       `json:"subject"`
	ValueQuantity *quantity       `json:"valueQuantity"`
	ValueInteger  *int            `json:"valueInteger"`
}

type encounterParticipant struct {
	Type       []codeableConcept `json:"type"`
	Individual reference         `json:"individual"`
}

type encounterLocation struct {
	Location reference `json:"location"`
}

type encounter struct {
	Subject     reference              `json:"subject"`
	Participant []encounterParticipant `json:"participant"`
	Location    []encounterLocation    `json:"location"`
}

type location struct {
	Name string            `json:"name"`
	Type []codeableConcept `json:"type"`
}

type organization struct {
	Name string `json:"name"`
}

type qualification struct {
	Code codeableConcept `json:"code"`
}

type practitioner struct {
	Name          []humanName     `json:"name"`
	Qualification []qualification `json:"qualification"`
}

type attachment struct {
	URL string `json:"url"`
}

type docContent struct {
	Attachment attachment `json:"attachment"`
}

type documentReference struct {
	Status           string          `json:"status"`
	MasterIdentifier *identifier     `json:"masterIdentifier"`
	Identifier       []identifier    `json:"identifier"`
	Type             codeableConcept `json:"type"`
	Subject          reference       `json:"subject"`
	Authenticator    reference       `json:"authenticator"`
	Custodian        reference       `json:"custodian"`
	Content          []docContent    `json:"content"`
}
