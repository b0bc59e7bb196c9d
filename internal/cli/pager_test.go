package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestColor(t *testing.T) {
	tests := []struct {
		name        string
		terminal    bool
		noColor     string
		term        string
		wantColored bool
	}{
		{"terminal", true, "", "xterm-256color", true},
		{"pipe", false, "", "xterm", false},
		{"NO_COLOR", true, "1", "xterm", false},
		{"TERM=dumb", true, "", "dumb", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("NO_COLOR", tt.noColor)
			t.Setenv("TERM", tt.term)
			o := &IO{IsTerminal: tt.terminal}
			assert.Equal(t, tt.wantColored, o.Color())
		})
	}
}

func TestPagerCommand(t *testing.T) {
	tests := []struct {
		name           string
		dyadPager, pgr *string
		want           []string
	}{
		{"default", nil, nil, []string{"less", "-FRX"}},
		{"PAGER", nil, ptr("more"), []string{"more"}},
		{"DYAD_PAGER wins", ptr("less -S"), ptr("more"), []string{"less", "-S"}},
		{"cat is none", ptr("cat"), nil, nil},
		{"empty is none", ptr(""), ptr("more"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			setOrUnset(t, "DYAD_PAGER", tt.dyadPager)
			setOrUnset(t, "PAGER", tt.pgr)
			assert.Equal(t, tt.want, pagerCommand())
		})
	}
}

// TestPage checks that output goes through the pager on a terminal, and
// straight out when piped or with --no-pager.
func TestPage(t *testing.T) {
	t.Setenv("TERM", "xterm")
	t.Setenv("DYAD_PAGER", "tr a-z A-Z") // a "pager" whose effect shows
	write := func(w io.Writer) error { _, err := fmt.Fprint(w, "answer\n"); return err }
	for _, tt := range []struct {
		name     string
		terminal bool
		noPager  bool
		want     string
	}{
		{"terminal", true, false, "ANSWER\n"},
		{"pipe", false, false, "answer\n"},
		{"--no-pager", true, true, "answer\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			o := &IO{Out: &out, ErrOut: io.Discard, IsTerminal: tt.terminal}
			require.NoError(t, page(o, tt.noPager, write))
			assert.Equal(t, tt.want, out.String())
		})
	}
}

func ptr(s string) *string { return &s }

func setOrUnset(t *testing.T, k string, v *string) {
	t.Helper()
	if v == nil {
		t.Setenv(k, "x")
		require.NoError(t, os.Unsetenv(k))
		return
	}
	t.Setenv(k, *v)
}
