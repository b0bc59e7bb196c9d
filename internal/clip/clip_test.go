package clip_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/dyad-kg/dyad/internal/clip"
)

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", `""`},
		{"RUS", `"RUS"`},
		{strings.Repeat("a", 60), `"` + strings.Repeat("a", 60) + `"`},
		{strings.Repeat("a", 61), `"` + strings.Repeat("a", 60) + `"... (61 characters)`},
		{strings.Repeat("é", 1000), `"` + strings.Repeat("é", 60) + `"... (1000 characters)`},
		{"a\x00b", `"a\x00b"`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, clip.Quote(tt.in))
	}
	assert.Equal(t, "RUS", clip.Cut("RUS"))
	assert.Equal(t, strings.Repeat("a", 60)+"... (61 characters)", clip.Cut(strings.Repeat("a", 61)))
}
