package graphml

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/loader"
)

// validate validates doc against the published GraphML 1.0 schema (the copy
// in testdata/xsd, found through its XML catalog, never the network) with
// libxml2's xmllint, and returns its error lines.
func validate(t *testing.T, doc []byte) []string {
	t.Helper()
	testenv.Commands(t, "apt install libxml2-utils", "xmllint")
	dir, err := filepath.Abs(filepath.Join("testdata", "xsd"))
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "export.graphml")
	require.NoError(t, os.WriteFile(path, doc, 0o644))
	cmd := exec.Command("xmllint", "--nonet", "--noout", "--schema", filepath.Join(dir, "graphml.xsd"), path)
	cmd.Env = append(os.Environ(), "XML_CATALOG_FILES="+filepath.Join(dir, "catalog.xml"))
	out, err := cmd.CombinedOutput()
	if err == nil {
		require.Contains(t, string(out), "export.graphml validates")
		return nil
	}
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "xmllint: %s", out)
	require.Equal(t, 3, exit.ExitCode(), "xmllint could not validate (exit 3 is an invalid document): %s", out)
	var errs []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if !strings.HasSuffix(line, "fails to validate") {
			errs = append(errs, line)
		}
	}
	return errs
}

// TestSchemaValid validates exports against the GraphML 1.0 schema: the
// standard flavor is valid; the apoc and gephi flavors are invalid by
// exactly the one attribute each adds.
func TestSchemaValid(t *testing.T) {
	embedded, err := loader.ReadEmbedded()
	require.NoError(t, err)
	small := readSmall(t)
	sub, err := Neighbourhood(small, "RUS-JPN", graph.LabelRelation, 1, Period{From: 1992, To: 2001})
	require.NoError(t, err)
	graphs := []struct {
		name string
		el   *graph.Elements
	}{
		{"small dataset", small},
		{"built-in dataset", embedded.Elements()},
		{"selection", Select(small, Selection{Nodes: sub, Period: Period{From: 1992, To: 2001}})},
		{"generated", generate(2000)},
		{"empty", &graph.Elements{}},
	}
	for _, g := range graphs {
		t.Run(g.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, WriteElements(&buf, g.el))
			assert.Empty(t, validate(t, buf.Bytes()))
		})
	}
	el := embedded.Elements()
	flavors := []struct {
		flavor Flavor
		want   string // the only error there is, on some lines
	}{
		{APOC, "attribute 'attr.list': The attribute 'attr.list' is not allowed."},
		{Gephi, "attribute 'label': The attribute 'label' is not allowed."},
	}
	for _, f := range flavors {
		t.Run(string(f.flavor)+" flavor", func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, WriteElementsFlavor(&buf, el, f.flavor))
			errs := validate(t, buf.Bytes())
			require.NotEmpty(t, errs)
			for _, e := range errs {
				assert.True(t, strings.HasSuffix(e, f.want), "unexpected error: %s", e)
			}
		})
	}
}
