package cli_test

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPlotTrajectory(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	t.Setenv("DYAD_DATA", "")
	dir := t.TempDir()
	out := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"svg", []string{"RUS-JPN", "-o", out("a.svg")}, 0, "RUS-JPN 1991–2022: 17 event(s); 13 undated claim(s) not in any year"},
		{"png, reversed ids, names, span", []string{"JPN-RUS", "china-russia", "--from", "2000", "--to", "2010", "-o", out("b.PNG")}, 0, "RUS-CHN 2000–2010"},
		{"no relation", []string{"-o", out("c.svg")}, 2, "needs a relation, such as RUS-JPN"},
		{"no output", []string{"RUS-JPN"}, 2, "needs -o, a file ending in .svg or .png"},
		{"bad extension", []string{"RUS-JPN", "-o", out("c.pdf")}, 2, "c.pdf: want a file ending in .svg or .png"},
		{"unknown relation", []string{"RUS-XYZ", "-o", out("c.svg")}, 2, `no relation "RUS-XYZ"`},
		{"no such relation", []string{"JPN-KAZ", "-o", out("c.svg")}, 2, "no relation between Japan and Kazakhstan in the dataset"},
		{"reversed span", []string{"RUS-JPN", "--from", "2010", "--to", "2000", "-o", out("c.svg")}, 2, "--from 2010 is after --to 2000"},
		{"span before the relation", []string{"RUS-JPN", "--from", "1950", "--to", "1960", "-o", out("c.svg")}, 2, "RUS-JPN: no year to plot in 1950–1960"},
		{"output is a folder", []string{"RUS-JPN", "-o", filepath.Join(dir, "d.svg")}, 2, "is a folder"},
		{"unknown chart", nil, 2, `unknown chart "pie": want trajectory`},
	}
	require.NoError(t, os.Mkdir(filepath.Join(dir, "d.svg"), 0o755))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"plot", "trajectory"}, tt.args...)
			if tt.args == nil {
				args = []string{"plot", "pie"}
			}
			code, _, errOut := run(t, args...)
			assert.Equal(t, tt.code, code, "stderr: %s", errOut)
			assert.Contains(t, errOut, tt.err)
		})
	}
	svg, err := os.ReadFile(out("a.svg"))
	require.NoError(t, err)
	assert.Contains(t, string(svg), "Russia–Japan relations, 1991–2022: sourced influences by year")
	f, err := os.Open(out("b.PNG"))
	require.NoError(t, err)
	defer f.Close()
	_, err = png.Decode(f)
	require.NoError(t, err, "b.PNG is a PNG")
	_, err = os.Stat(out("c.svg"))
	assert.True(t, os.IsNotExist(err), "a failed plot writes no file")
}
