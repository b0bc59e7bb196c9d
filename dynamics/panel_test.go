package dynamics_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/dynamics"
	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/loader"
)

// handRows are rows of the fixture's undirected panel worked out by hand
// from the comments in fixture_test.go. The default span is 1956 (the
// declaration) to 2001 (the late visit).
var handRows = []map[string]any{
	// The Soviet years: the declaration strengthens from 1956; the Kuril
	// dispute is active since 1945.
	{"ccode1": 365, "ccode2": 740, "iso1": "SUN", "iso2": "JPN", "year": 1956, "relations": "SUN-JPN",
		"claims_strengthening": 1, "claims_weakening": 0, "balance": 1.0, "events": 1, "disputes": 1, "stances1": 0, "stances2": 0},
	// 1991, the succession: both relations count, the row shows Russia.
	{"ccode1": 365, "ccode2": 740, "iso1": "RUS", "iso2": "JPN", "year": 1991, "relations": "RUS-JPN SUN-JPN",
		"claims_strengthening": 1, "claims_weakening": 1, "balance": 0.625, "events": 0, "disputes": 1, "stances1": 0, "stances2": 0},
	// c-trade 1 + c-summit 1.5 − c-islands 0.375; the summit; Russia's stance.
	{"ccode1": 365, "ccode2": 740, "iso1": "RUS", "iso2": "JPN", "year": 1993, "relations": "RUS-JPN",
		"claims_strengthening": 2, "claims_weakening": 1, "balance": 2.125, "events": 1, "disputes": 1, "stances1": 1, "stances2": 0},
	// c-trade 1 − c-war 2; the war is a marker through its claim; Japan's stance.
	{"ccode1": 365, "ccode2": 740, "iso1": "RUS", "iso2": "JPN", "year": 1995, "relations": "RUS-JPN",
		"claims_strengthening": 1, "claims_weakening": 1, "balance": -1.0, "events": 1, "disputes": 1, "stances1": 0, "stances2": 1},
	// Russia–China: c-china from 1994, the war of 1995 involves both.
	{"ccode1": 365, "ccode2": 710, "iso1": "RUS", "iso2": "CHN", "year": 1995, "relations": "RUS-CHN",
		"claims_strengthening": 1, "claims_weakening": 0, "balance": 1.0, "events": 1, "disputes": 0, "stances1": 0, "stances2": 0},
}

// codes are the COW codes of the fixture's and the shipped data's states.
var codes = map[string]int{"SUN": 365, "RUS": 365, "JPN": 740, "CHN": 710, "USA": 2, "UKR": 369, "KAZ": 705, "KGZ": 703, "TJK": 702, "TKM": 701, "UZB": 704, "BLR": 370}

func panelCSV(t *testing.T, ds *graph.Dataset, opts dynamics.PanelOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, dynamics.WritePanelCSV(&buf, dynamics.Panel(ds, opts)))
	return buf.Bytes()
}

func TestPanelByHand(t *testing.T) {
	recs, err := csv.NewReader(bytes.NewReader(panelCSV(t, fixture(t), dynamics.PanelOptions{}))).ReadAll()
	require.NoError(t, err)
	require.Equal(t, dynamics.PanelColumns, recs[0])
	byKey := map[string]map[string]string{}
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, col := range recs[0] {
			m[col] = r[i]
		}
		byKey[m["ccode1"]+"-"+m["ccode2"]+" "+m["year"]] = m
	}
	// SUN-JPN 1956–1991 and RUS-JPN 1991–2001 share COW codes: 46 rows;
	// RUS-CHN 1991–2001: 11.
	assert.Len(t, recs[1:], 46+11)
	for _, want := range handRows {
		key := jsonString(want["ccode1"]) + "-" + jsonString(want["ccode2"]) + " " + jsonString(want["year"])
		got := byKey[key]
		require.NotNil(t, got, key)
		for col, v := range want {
			assert.Equal(t, jsonString(v), got[col], "%s %s", key, col)
		}
	}
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return strings.Trim(strings.TrimSuffix(string(b), ".0"), `"`)
}

func TestPanelDirectedAndSpan(t *testing.T) {
	ds := fixture(t)
	rows := dynamics.Panel(ds, dynamics.PanelOptions{Directed: true, Span: dynamics.Span{From: 1994, To: 1994}})
	var got []string
	for _, r := range rows {
		got = append(got, strings.Join(r.Record(), ","))
	}
	assert.Equal(t, []string{
		"365,710,RUS,CHN,1994,RUS-CHN,1,0,1,0,0,0,0",
		"365,740,RUS,JPN,1994,RUS-JPN,2,0,2.5,0,1,0,1",
		"710,365,CHN,RUS,1994,RUS-CHN,1,0,1,0,0,0,0",
		"740,365,JPN,RUS,1994,RUS-JPN,2,0,2.5,0,1,1,0",
	}, got)
}

func TestPanelStateWithoutCode(t *testing.T) {
	ds := fixture(t)
	ds.State("CHN").COW = 0
	rows := dynamics.Panel(ds, dynamics.PanelOptions{Span: dynamics.Span{From: 1994, To: 1994}})
	require.Len(t, rows, 2)
	// States with a code sort first; a missing code is an empty field.
	assert.Equal(t, "365,740,RUS,JPN", strings.Join(rows[0].Record()[:4], ","))
	assert.Equal(t, "365,,RUS,CHN", strings.Join(rows[1].Record()[:4], ","))
}

// TestPanelPandas reads panels with pandas: the fixture's, checked against
// the rows worked out by hand, and the shipped data's, in both layouts.
func TestPanelPandas(t *testing.T) {
	py := testenv.Python(t, "pandas")
	script, err := filepath.Abs(filepath.Join("testdata", "panel.py"))
	require.NoError(t, err)
	shipped, err := loader.ReadEmbedded()
	require.NoError(t, err)
	tests := []struct {
		name     string
		ds       *graph.Dataset
		directed bool
		rows     []map[string]any
	}{
		{"fixture", fixture(t), false, handRows},
		{"shipped data", shipped, false, []map[string]any{
			// The year of succession: Soviet and Russian relations with Japan in one row.
			{"ccode1": 365, "ccode2": 740, "iso1": "RUS", "year": 1991, "relations": "RUS-JPN SUN-JPN"},
			{"ccode1": 365, "ccode2": 740, "iso1": "SUN", "year": 1956, "events": 1},
			{"ccode1": 2, "ccode2": 365, "iso1": "USA", "iso2": "RUS", "year": 2000},
		}},
		{"shipped data, directed", shipped, true, []map[string]any{
			{"ccode1": 740, "ccode2": 365, "iso1": "JPN", "iso2": "RUS", "year": 2022},
			{"ccode1": 365, "ccode2": 740, "iso1": "RUS", "iso2": "JPN", "year": 2022},
		}},
	}
	// One Python run for all: importing pandas is the slow part.
	dir := t.TempDir()
	var args []string
	for i, tt := range tests {
		doc, want := filepath.Join(dir, fmt.Sprintf("%d-panel.csv", i)), filepath.Join(dir, fmt.Sprintf("%d-expected.json", i))
		require.NoError(t, os.WriteFile(doc, panelCSV(t, tt.ds, dynamics.PanelOptions{Directed: tt.directed}), 0o644))
		b, err := json.Marshal(map[string]any{"directed": tt.directed, "codes": codes, "rows": tt.rows})
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(want, b, 0o644))
		args = append(args, doc, want)
		t.Logf("%s: %s", doc, tt.name)
	}
	out, err := exec.Command(py, append([]string{script}, args...)...).CombinedOutput()
	t.Logf("%s", out)
	require.NoError(t, err, "pandas disagrees with the panel")
}
