package cli_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExportPanel(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	t.Setenv("DYAD_DATA", "")
	header := "ccode1,ccode2,iso1,iso2,year,relations,claims_strengthening,claims_weakening,balance,events,disputes,stances1,stances2\n"
	tests := []struct {
		name     string
		args     []string
		code     int
		out, err string
	}{
		{"one year", []string{"--from", "2022", "--to", "2022"}, 0, header + "2,365,USA,RUS,2022,RUS-USA,0,1,-1.5,0,0,0,1\n", ""},
		{"directed", []string{"--directed", "--from", "2022", "--to", "2022"}, 0, "740,365,JPN,RUS,2022,RUS-JPN,7,8,-1.625,5,1,2,4\n", ""},
		{"succession", []string{"--from", "1991", "--to", "1991"}, 0, "365,740,RUS,JPN,1991,RUS-JPN SUN-JPN,", ""},
		{"bad format", []string{"--format", "parquet"}, 2, "", `invalid --format "parquet": want csv`},
		{"bad span", []string{"--from", "2000", "--to", "1990"}, 2, "", "--from 2000 is after --to 1990"},
		{"argument", []string{"RUS-JPN"}, 2, "", "takes no arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, append([]string{"export", "panel"}, tt.args...)...)
			assert.Equal(t, tt.code, code, "stderr: %s", errOut)
			if tt.name == "one year" {
				assert.True(t, strings.HasPrefix(out, tt.out), out)
			} else {
				assert.Contains(t, out, tt.out)
			}
			assert.Contains(t, errOut, tt.err)
		})
	}

	// To a file: the same bytes as to standard output, every row in one
	// direction only.
	path := filepath.Join(t.TempDir(), "panel.csv")
	code, _, errOut := run(t, "export", "panel", "-o", path)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "exported 386 dyad-years to "+path)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	_, stdout, _ := run(t, "export", "panel")
	assert.Equal(t, stdout, string(b))
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 387)
	for _, r := range recs[1:] {
		c1, err1 := strconv.Atoi(r[0])
		c2, err2 := strconv.Atoi(r[1])
		require.NoError(t, errors.Join(err1, err2), "%v: COW codes", r)
		assert.Less(t, c1, c2, "%v: undirected rows have ccode1 < ccode2", r)
	}
}
