package webui

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMessagesHaveBothLanguages(t *testing.T) {
	for _, m := range []map[string]map[string]string{messages, statusText, verdicts} {
		for k := range m["id"] {
			assert.NotEmpty(t, m["en"][k], "en lacks %q", k)
		}
		for k := range m["en"] {
			assert.NotEmpty(t, m["id"][k], "id lacks %q", k)
		}
	}
}
