package queries_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/queries"
)

// minAccuracy is the share of counted corpus lines Parse must get right.
const minAccuracy = 0.95

// The expectations a corpus line may give instead of a catalog question.
const (
	expectUnknownName   = "unknown-name"
	expectNotUnderstood = "not-understood"
	expectInvalid       = "invalid"
)

// paraphrase is one line of the corpus (testdata/paraphrases/*.tsv).
type paraphrase struct {
	file     string
	line     int
	question string
	expect   string
	want     map[string]any
}

func (p paraphrase) pos() string { return fmt.Sprintf("%s:%d", p.file, p.line) }

// readParaphrases reads every *.tsv file of dir; the format is in
// dir/README.md.
func readParaphrases(t testing.TB, dir string) []paraphrase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var out []paraphrase
	for _, f := range files {
		fh, err := os.Open(f)
		require.NoError(t, err)
		sc := bufio.NewScanner(fh)
		n := 0
		for sc.Scan() {
			n++
			l := sc.Text()
			if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
				continue
			}
			fields := strings.Split(l, "\t")
			require.Len(t, fields, 3, "%s:%d: want question<TAB>expect<TAB>json", f, n)
			p := paraphrase{file: filepath.Base(f), line: n, question: fields[0], expect: fields[1]}
			require.NoError(t, json.Unmarshal([]byte(fields[2]), &p.want), "%s:%d", f, n)
			out = append(out, p)
		}
		require.NoError(t, sc.Err())
		require.NoError(t, fh.Close())
	}
	return out
}

// canonical is m as JSON with sorted keys, for comparing parameters.
func canonical(m map[string]any) string {
	b, _ := json.Marshal(m)
	return string(b)
}

// judge parses p.question and says whether the parse is the one p expects,
// and what Parse gave.
func judge(t *testing.T, p paraphrase, ents []queries.Entity) (bool, string) {
	req, err := queries.Parse(p.question, ents)
	if err == nil {
		// Every request Parse returns is one its question accepts.
		q, lerr := queries.Lookup(req.Query)
		require.NoError(t, lerr, p.pos())
		pp := req.Params
		if err := q.Check(&pp); err != nil {
			t.Errorf("%s: %q parsed to a request Check refuses: %v", p.pos(), p.question, err)
			return false, "refused by Check: " + err.Error()
		}
		var got map[string]any
		b, _ := json.Marshal(req.Params)
		_ = json.Unmarshal(b, &got)
		desc := string(req.Query) + " " + canonical(got)
		return string(req.Query) == p.expect && canonical(got) == canonical(p.want), desc
	}
	var un *queries.UnknownNameError
	switch {
	case errors.As(err, &un):
		got := map[string]any{"name": un.Name}
		if un.Suggestion != "" {
			got["suggestion"] = un.Suggestion
		}
		return p.expect == expectUnknownName && canonical(got) == canonical(p.want), expectUnknownName + " " + canonical(got)
	case errors.Is(err, queries.ErrUnknownQuestion):
		msg, _, _ := strings.Cut(err.Error(), "\n")
		return p.expect == expectNotUnderstood, expectNotUnderstood + ": " + msg
	case graph.ErrorCode(err) == graph.EINVALID:
		want, _ := p.want["contains"].(string)
		return p.expect == expectInvalid && strings.Contains(err.Error(), want), expectInvalid + ": " + err.Error()
	}
	return false, "error: " + err.Error()
}

// tally counts right answers.
type tally struct{ right, all int }

func (t tally) String() string {
	if t.all == 0 {
		return "0/0"
	}
	return fmt.Sprintf("%d/%d = %.1f%%", t.right, t.all, 100*float64(t.right)/float64(t.all))
}

// TestParaphrases parses every question of the paraphrase corpus against the
// shipped entities, reports the accuracy overall, per file (tuning and
// held-out) and per kind, lists the misses, and fails below minAccuracy.
// Lines for questions not yet in the catalog are reported apart as pending.
func TestParaphrases(t *testing.T) {
	ents := shippedEntities(t)
	lines := readParaphrases(t, filepath.Join("testdata", "paraphrases"))
	require.GreaterOrEqual(t, len(lines), 300, "the corpus holds at least 300 questions")
	known := map[string]bool{expectUnknownName: true, expectNotUnderstood: true, expectInvalid: true}
	for _, q := range queries.Catalog {
		known[string(q.Name)] = true
	}
	var all, pending tally
	perKind, perFile, pendingKind := map[string]*tally{}, map[string]*tally{}, map[string]*tally{}
	var misses []string
	for _, p := range lines {
		ok, got := judge(t, p, ents)
		add := func(m map[string]*tally, k string) {
			if m[k] == nil {
				m[k] = &tally{}
			}
			m[k].all++
			if ok {
				m[k].right++
			}
		}
		if !known[p.expect] {
			pending.all++
			if ok {
				pending.right++
			}
			add(pendingKind, p.expect)
			continue
		}
		all.all++
		if ok {
			all.right++
		} else {
			misses = append(misses, fmt.Sprintf("%s: %q\n\twant %s %s\n\tgot  %s", p.pos(), p.question, p.expect, canonical(p.want), got))
		}
		add(perKind, p.expect)
		add(perFile, p.file)
	}
	t.Logf("paraphrase corpus: %d questions, %d counted, %d of kinds not yet in the catalog", len(lines), all.all, pending.all)
	t.Logf("accuracy (counted): %s", all)
	for _, f := range sortedKeys(perFile) {
		t.Logf("  file %-12s %s", f, perFile[f])
	}
	for _, k := range sortedKeys(perKind) {
		t.Logf("  kind %-15s %s", k, perKind[k])
	}
	if pending.all > 0 {
		t.Logf("pending kinds (not counted): %s", pending)
		for _, k := range sortedKeys(pendingKind) {
			t.Logf("  pending %-12s %s", k, pendingKind[k])
		}
	}
	for _, m := range misses {
		t.Logf("miss %s", m)
	}
	acc := float64(all.right) / float64(all.all)
	if acc < minAccuracy {
		t.Errorf("paraphrase accuracy %s is below %.0f%%", all, 100*minAccuracy)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// BenchmarkParse parses every question of the paraphrase corpus once per
// iteration, against the shipped entities.
func BenchmarkParse(b *testing.B) {
	ents := shippedEntities(b)
	lines := readParaphrases(b, filepath.Join("testdata", "paraphrases"))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, p := range lines {
			_, _ = queries.Parse(p.question, ents)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(lines)), "µs/question")
}
