package queries_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/queries"
)

// TestParamsJSONLimit: an answer's params say its limit as dyad ask --limit
// takes it (absent: the default; N; "all"), never Go's marker for all, and
// read back the same; 0 also reads as every finding, as --limit 0 does.
func TestParamsJSONLimit(t *testing.T) {
	tests := []struct {
		limit int
		json  string
	}{
		{0, `{"a":"RUS"}`},
		{7, `{"a":"RUS","limit":7}`},
		{queries.AllFindings, `{"a":"RUS","limit":"all"}`},
	}
	for _, tt := range tests {
		t.Run(tt.json, func(t *testing.T) {
			got, err := json.Marshal(queries.Params{A: "RUS", Limit: tt.limit})
			require.NoError(t, err)
			require.JSONEq(t, tt.json, string(got))
			var back queries.Params
			require.NoError(t, json.Unmarshal(got, &back))
			require.Equal(t, queries.Params{A: "RUS", Limit: tt.limit}, back)
		})
	}
	reads := []struct {
		json  string
		limit int
		err   string
	}{
		{`{"limit":0}`, queries.AllFindings, ""},
		{`{"limit":null}`, 0, ""},
		{`{"limit":100}`, 100, ""},
		{`{"limit":-1}`, 0, `invalid parameter: limit -1: want a number of findings, or 0 or "all" for every one`},
		{`{"limit":"some"}`, 0, `invalid parameter: limit "some": want a number of findings, or 0 or "all" for every one`},
		{`{"limit":2.5}`, 0, `invalid parameter: limit 2.5: want a number of findings, or 0 or "all" for every one`},
	}
	for _, tt := range reads {
		t.Run("read "+tt.json, func(t *testing.T) {
			var p queries.Params
			err := json.Unmarshal([]byte(tt.json), &p)
			if tt.err != "" {
				require.EqualError(t, err, tt.err)
				require.ErrorIs(t, err, queries.ErrInvalidParam)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.limit, p.Limit)
		})
	}
}

// FuzzParamsJSON: reading params from JSON never panics, params read are
// written in a form that reads back to the same JSON, and the limit read
// (0, N or AllFindings) is the one read back.
func FuzzParamsJSON(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":"RUS","limit":"all"}`, `{"limit":0}`, `{"limit":7}`, `{"limit":-1}`, `{"limit":"x"}`, `{"limit":1e3}`, `{"limit":null,"depth":2}`, `[]`, `{"limit":{}}`, `{"others":[],"limit":3}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var p queries.Params
		if json.Unmarshal([]byte(s), &p) != nil {
			return
		}
		b, err := json.Marshal(p)
		require.NoError(t, err)
		var back queries.Params
		require.NoError(t, json.Unmarshal(b, &back), string(b))
		again, err := json.Marshal(back)
		require.NoError(t, err)
		require.Equal(t, string(b), string(again))
		require.Equal(t, p.Limit, back.Limit, string(b))
		require.GreaterOrEqual(t, p.Limit, queries.AllFindings)
	})
}
