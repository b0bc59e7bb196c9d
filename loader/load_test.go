package loader_test

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/loader"
	"github.com/dyad-kg/dyad/neo4j"
)

func readSmall(t *testing.T) *graph.Dataset {
	t.Helper()
	ds, err := loader.ReadDir("../testdata/small")
	require.NoError(t, err)
	return ds
}

// snapshot is the whole graph in db, properties included.
func snapshot(t *testing.T, db *neo4j.DB) []string {
	t.Helper()
	return testenv.Snapshot(t, db)
}

func load(t *testing.T, db *neo4j.DB, ds *graph.Dataset, opts loader.Options) loader.Summary {
	t.Helper()
	sum, err := loader.Load(context.Background(), db, ds, opts)
	require.NoError(t, err)
	return sum
}

func TestLoadMatchesDataset(t *testing.T) {
	db := testenv.Neo4j(t)
	ds := readSmall(t)
	el := ds.Elements()
	sum := load(t, db, ds, loader.Options{BatchSize: 3})
	assert.Equal(t, el.Len(), sum.Created)
	assert.Zero(t, sum.Updated+sum.Unchanged+sum.Removed)

	ctx := context.Background()
	for label, want := range el.CountLabels() {
		recs, err := db.Read(ctx, fmt.Sprintf("MATCH (n:%s) RETURN count(n) AS n", label), nil)
		require.NoError(t, err)
		assert.EqualValues(t, want, recs[0]["n"], "label %s", label)
	}
	for typ, want := range el.CountTypes() {
		recs, err := db.Read(ctx, fmt.Sprintf("MATCH ()-[r:%s]->() RETURN count(r) AS n", typ), nil)
		require.NoError(t, err)
		assert.EqualValues(t, want, recs[0]["n"], "type %s", typ)
	}
	recs, err := db.Read(ctx, "MATCH (:Dispute {id: $id})<-[p:PARTY_TO]-(:State {id: $state}) RETURN p.position AS pos, p.sources AS src",
		map[string]any{"id": "kurils", "state": "JPN"})
	require.NoError(t, err)
	require.Len(t, recs, 1)
	assert.Contains(t, recs[0]["pos"], "<illegally occupied> &")
	assert.Equal(t, []any{"mofa"}, recs[0]["src"])
	recs, err = db.Read(ctx, "MATCH ()-[c:WEAKENS {id: $id}]->() RETURN c.from_year AS y, c.contested AS contested", map[string]any{"id": "c-china-card-weakens-rus-jpn"})
	require.NoError(t, err)
	require.Len(t, recs, 1)
	assert.EqualValues(t, 1992, recs[0]["y"])
	assert.Equal(t, true, recs[0]["contested"])
}

func TestLoadTwiceIsIdentical(t *testing.T) {
	db := testenv.Neo4j(t)
	ds := readSmall(t)
	load(t, db, ds, loader.Options{})
	first := snapshot(t, db)
	sum := load(t, db, ds, loader.Options{})
	assert.Equal(t, ds.Elements().Len(), sum.Unchanged)
	assert.Zero(t, sum.Created+sum.Updated+sum.Removed)
	assert.Equal(t, first, snapshot(t, db))
}

func TestLoadUpdatesChangedProperties(t *testing.T) {
	db := testenv.Neo4j(t)
	ds := readSmall(t)
	load(t, db, ds, loader.Options{})
	ds.Factor("rfe-neglect").Description = "now described"
	sum := load(t, db, ds, loader.Options{})
	assert.Equal(t, 1, sum.Updated)
	assert.Equal(t, ds.Elements().Len()-1, sum.Unchanged)
}

func TestLoadPrune(t *testing.T) {
	db := testenv.Neo4j(t)
	ctx := context.Background()
	ds := readSmall(t)
	load(t, db, ds, loader.Options{})
	// A node and an edge Dyad did not write must survive a prune.
	require.NoError(t, db.Exec(ctx, "MATCH (r:State {id: 'RUS'}) CREATE (:State {id: 'XXX', name: 'Mine'})-[:NOTE]->(r)", nil))

	smaller := readSmall(t)
	smaller.Claims = smaller.Claims[:len(smaller.Claims)-1] // drop one claim edge
	smaller.Factors = smaller.Factors[:1]                   // drop rfe-neglect (and its CONCERNS edge)
	var dropped []*graph.Claim
	for _, c := range smaller.Claims {
		if c.Subject != "rfe-neglect" {
			dropped = append(dropped, c)
		}
	}
	smaller.Claims = dropped
	require.Empty(t, smaller.Validate())

	noPrune := load(t, db, smaller, loader.Options{})
	assert.Zero(t, noPrune.Removed)
	assert.Len(t, snapshot(t, db), ds.Elements().Len()+2, "without --prune nothing is removed")

	// The factor, its CONCERNS and SUPPORTS edges, and its claim: the
	// claim's edge, Claim node, SUBJECT, OBJECT and SUPPORTS edges.
	gone := ds.Elements().Len() - smaller.Elements().Len()
	require.GreaterOrEqual(t, gone, 7)
	dry := load(t, db, smaller, loader.Options{Prune: true, DryRun: true})
	assert.True(t, dry.DryRun)
	assert.Equal(t, gone, dry.Removed, "factor, its edges, its claim and the claim's node and edges")
	assert.Len(t, snapshot(t, db), ds.Elements().Len()+2, "a dry run writes nothing")

	sum := load(t, db, smaller, loader.Options{Prune: true})
	assert.Equal(t, gone, sum.Removed)
	recs, err := db.Read(ctx, "MATCH (c:Claim) WHERE NOT c.id IN $ids RETURN count(c) AS n", map[string]any{"ids": claimIDs(smaller)})
	require.NoError(t, err)
	assert.EqualValues(t, 0, recs[0]["n"], "a Claim node the dataset lacks is left")
	got := snapshot(t, db)
	assert.Len(t, got, smaller.Elements().Len()+2)
	recs, err = db.Read(ctx, "MATCH (:State {id: 'XXX'})-[:NOTE]->(:State {id: 'RUS'}) RETURN count(*) AS n", nil)
	require.NoError(t, err)
	assert.EqualValues(t, 1, recs[0]["n"], "prune must not touch what Dyad did not load")
}

func TestLoadDryRunWritesNothing(t *testing.T) {
	db := testenv.Neo4j(t)
	sum := load(t, db, readSmall(t), loader.Options{DryRun: true})
	assert.Equal(t, readSmall(t).Elements().Len(), sum.Created)
	assert.Empty(t, snapshot(t, db))
}

// TestLoadInterrupted cancels a load halfway (after its first batch, which
// renamed a state): the transaction rolls back and the previous graph is
// intact.
func TestLoadInterrupted(t *testing.T) {
	db := testenv.Neo4j(t)
	ds := readSmall(t)
	load(t, db, ds, loader.Options{})
	before := snapshot(t, db)

	changed := readSmall(t)
	changed.States[0].Name = "Changed"
	changed.Claims = changed.Claims[:2]
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	batches := 0
	_, err := loader.Load(ctx, db, changed, loader.Options{Prune: true, BatchSize: 2, Progress: func(done, total int) {
		batches++
		if batches == 1 {
			cancel()
		}
	}})
	require.Error(t, err)
	assert.True(t, errors.Is(err, context.Canceled), "got %v", err)
	assert.Equal(t, "load rolled back, nothing written: interrupted", err.Error())
	assert.Equal(t, before, snapshot(t, db))
}

func TestOpenErrors(t *testing.T) {
	cfg := testenv.Neo4jConfig(t)
	ctx := context.Background()
	tests := []struct {
		name string
		cfg  neo4j.Config
		want error
	}{
		{"server down", neo4j.Config{URI: "bolt://127.0.0.1:1", Username: "neo4j", Password: "secret-pw-123"}, neo4j.ErrUnavailable},
		{"wrong password", neo4j.Config{URI: cfg.URI, Username: cfg.Username, Password: "wrong-" + cfg.Password}, neo4j.ErrAuth},
		{"unknown database", neo4j.Config{URI: cfg.URI, Username: cfg.Username, Password: cfg.Password, Database: "nosuchdb"}, neo4j.ErrDatabaseNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := neo4j.Open(ctx, tt.cfg)
			if db != nil {
				db.Close(ctx)
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.want)
			assert.NotContains(t, err.Error(), "\n", "errors are one line")
			assert.NotContains(t, err.Error(), tt.cfg.Password, "passwords are never printed")
		})
	}
}

func TestLoadInvalidWritesNothing(t *testing.T) {
	db := testenv.Neo4j(t)
	ds := readSmall(t)
	load(t, db, ds, loader.Options{})
	before := snapshot(t, db)
	broken := readSmall(t)
	broken.Claims[0].Object = "NOWHERE"
	broken.Relations[0].States[1] = broken.Relations[0].States[0]
	_, err := loader.Load(context.Background(), db, broken, loader.Options{Prune: true})
	require.Error(t, err)
	var list graph.ErrorList
	require.True(t, errors.As(err, &list))
	assert.Len(t, list, 2)
	assert.Equal(t, before, snapshot(t, db))
}

// TestLoadCommitEvery splits a load into several transactions, with one
// writer and with new elements created in concurrent transactions: the
// graph is the same as a single-transaction load's, and reloading is still
// a no-op.
func TestLoadCommitEvery(t *testing.T) {
	db := testenv.Neo4j(t)
	ds := readSmall(t)
	load(t, db, ds, loader.Options{})
	want := snapshot(t, db)
	for _, writers := range []int{1, 2} {
		t.Run(fmt.Sprintf("writers=%d", writers), func(t *testing.T) {
			testenv.Wipe(t, db)
			opts := loader.Options{BatchSize: 4, CommitEvery: 8, Writers: writers}
			sum := load(t, db, ds, opts)
			// One commit per 8 rows, plus the last; concurrent ones
			// commit each batch of 4 and then the load's progress.
			assert.Greater(t, sum.Transactions, ds.Elements().Len()/8*writers)
			assert.Equal(t, ds.Elements().Len(), sum.Created)
			assert.Equal(t, want, snapshot(t, db))
			again := load(t, db, ds, opts)
			assert.Equal(t, ds.Elements().Len(), again.Unchanged)
			assert.Equal(t, want, snapshot(t, db))
		})
	}
}

// TestLoadConcurrentFailure loads elements of which one node has a
// property Neo4j cannot store, with concurrent writers: the failed inner
// transaction's rows are written again by the load itself, which stops
// with Neo4j's reason and says what it left; loading without the bad
// property completes the graph.
func TestLoadConcurrentFailure(t *testing.T) {
	db := testenv.Neo4j(t)
	want := reference(t, db, readSmall(t))
	el := readSmall(t).Elements()
	bad := &el.Nodes[len(el.Nodes)/2]
	bad.Props["nested"] = map[string]any{"a": int64(1)}
	_, err := loader.LoadElements(context.Background(), db, el, loader.Options{BatchSize: 4, CommitEvery: 40, Writers: 2})
	require.Error(t, err)
	assert.Regexp(t, `^load failed after committing some of the concurrent transactions writing elements 1 to \d+ of \d+; `+
		`run it again to complete it: .*Property values can only be of primitive types`, err.Error())
	st, serr := db.LoadState(context.Background())
	require.NoError(t, serr)
	require.NotNil(t, st, "a split load that stopped part-way leaves its state")
	assert.Greater(t, len(snapshot(t, db)), st.Committed+1, "the concurrent transactions that did not fail committed")

	delete(bad.Props, "nested")
	sum, err := loader.LoadElements(context.Background(), db, el, loader.Options{BatchSize: 4, CommitEvery: 40, Writers: 2})
	require.NoError(t, err)
	assert.Equal(t, el.Len(), sum.Created+sum.Unchanged, "%v", sum)
	assert.Equal(t, want, snapshot(t, db))
}

// TestLoadCommitEveryTellsReaders reads the load's state from another
// connection while a split load runs, between its commits: it says how far
// the load got, as the graph shows it; once the load (and its batched
// prune) is done there is none, and the graph is the one-transaction load's.
func TestLoadCommitEveryTellsReaders(t *testing.T) {
	db := testenv.Neo4j(t)
	ds := readSmall(t)
	total := ds.Elements().Len()
	want := reference(t, db, ds)
	for _, tt := range []struct {
		prune   bool
		writers int
	}{{false, 1}, {true, 1}, {false, 2}, {true, 2}} {
		t.Run(fmt.Sprintf("prune=%v/writers=%d", tt.prune, tt.writers), func(t *testing.T) {
			testenv.Wipe(t, db)
			type look struct {
				done, visible int // elements written; what the graph showed readers
				st            *neo4j.LoadState
			}
			var looks []look
			opts := loader.Options{BatchSize: 4, CommitEvery: 8, Prune: tt.prune, Writers: tt.writers}
			opts.Progress = func(done, _ int) {
				st, err := db.LoadState(context.Background())
				assert.NoError(t, err)
				looks = append(looks, look{done, len(snapshot(t, db)), st})
			}
			load(t, db, ds, opts)
			require.Greater(t, len(looks), 4)
			if tt.writers == 1 {
				// Concurrent writers commit before they report.
				assert.Nil(t, looks[0].st, "nothing is committed before the first commit, the state neither")
				assert.Zero(t, looks[0].visible)
			}
			last, during := 0, 0
			for _, l := range looks {
				if l.st == nil {
					assert.Zero(t, last, "once committed, the state stays until the load is done")
					assert.Zero(t, l.visible)
					continue
				}
				during++
				assert.Equal(t, l.st.Committed, l.visible-1, "the graph holds the elements the state counts, and the state node")
				assert.Less(t, l.st.Committed, l.done+1)
				// The state counts every transaction: the load's hold fewer
				// than CommitEvery+BatchSize elements, concurrent ones at most
				// BatchSize.
				per := opts.CommitEvery + opts.BatchSize - 1
				if tt.writers > 1 {
					per = opts.BatchSize
				}
				assert.GreaterOrEqual(t, l.st.Commits*per, l.st.Committed, "%+v", l.st)
				assert.GreaterOrEqual(t, l.st.Committed, last)
				assert.Equal(t, total, l.st.Total)
				assert.Contains(t, l.st.String(), fmt.Sprintf("committed %d of its %d elements in %d transaction", l.st.Committed, total, l.st.Commits))
				last = l.st.Committed
			}
			assert.Greater(t, during, 2, "readers were told while the load ran")
			st, err := db.LoadState(context.Background())
			require.NoError(t, err)
			assert.Nil(t, st, "a complete load leaves no state")
			assert.Equal(t, want, snapshot(t, db))
		})
	}
}

// TestLoadMovesAnEdge reloads a claim whose subject changed: the edge with
// its id now starts at the new subject, and there is still only one.
func TestLoadMovesAnEdge(t *testing.T) {
	db := testenv.Neo4j(t)
	ds := readSmall(t)
	load(t, db, ds, loader.Options{})
	moved := readSmall(t)
	for _, c := range moved.Claims {
		if c.ID == "c-kurils-weakens-rus-jpn" {
			c.Subject = "rfe-neglect"
		}
	}
	require.Empty(t, moved.Validate())
	sum := load(t, db, moved, loader.Options{})
	assert.Equal(t, 2, sum.Updated, "the claim's edge and its SUBJECT edge")
	recs, err := db.Read(context.Background(), "MATCH (s)-[r:WEAKENS {id: $id}]->() RETURN s.id AS subject", map[string]any{"id": "c-kurils-weakens-rus-jpn"})
	require.NoError(t, err)
	require.Len(t, recs, 1)
	assert.Equal(t, "rfe-neglect", recs[0]["subject"])
	recs, err = db.Read(context.Background(), "MATCH (:Claim {id: $id})-[:SUBJECT]->(s) RETURN s.id AS subject", map[string]any{"id": "c-kurils-weakens-rus-jpn"})
	require.NoError(t, err)
	require.Len(t, recs, 1, "the Claim node has one SUBJECT edge")
	assert.Equal(t, "rfe-neglect", recs[0]["subject"])
}

// TestLoadReplacesCitations changes where a source supports a claim (its
// locator), turns a supporting citation into a contesting one and moves an
// event's citation to another page, then reloads without --prune: the graph is the one the
// changed dataset gives in an empty database, with no stale SUPPORTS edge.
func TestLoadReplacesCitations(t *testing.T) {
	db := testenv.Neo4j(t)
	changed := readSmall(t)
	var claim *graph.Claim
	for _, c := range changed.Claims {
		if len(c.Evidence) > 0 && !c.Contested() {
			claim = c
			break
		}
	}
	require.NotNil(t, claim)
	moved := claim.Evidence[0]
	claim.Evidence[0].Locator = "p. 99"
	claim.ContestedBy = []graph.Citation{moved}
	changed.Events[0].Sources[0].Locator = "p. 98"
	require.Empty(t, changed.Validate())
	want := reference(t, db, changed)

	load(t, db, readSmall(t), loader.Options{})
	sum := load(t, db, changed, loader.Options{})
	assert.Positive(t, sum.Removed, "%v", sum)
	assert.Equal(t, want, snapshot(t, db), "a stale citation is left")
	recs, err := db.Read(context.Background(), "MATCH (s:Source {id: $s})-[r]->(:Claim {id: $c}) RETURN type(r) + ' ' + r.locator AS link ORDER BY link",
		map[string]any{"s": moved.Source, "c": claim.ID})
	require.NoError(t, err)
	var links []string
	for _, r := range recs {
		links = append(links, r["link"].(string))
	}
	assert.Equal(t, []string{"CONTESTS " + moved.Locator, "SUPPORTS p. 99"}, links)
}

// claimIDs lists the ids of ds's claims.
func claimIDs(ds *graph.Dataset) []string {
	var ids []string
	for _, c := range ds.Claims {
		ids = append(ids, c.ID)
	}
	return ids
}

// claimEdges returns, for every claim id in db, the types of the edges that
// carry it (sorted), whatever their type.
func claimEdges(t *testing.T, db *neo4j.DB) map[string][]string {
	t.Helper()
	recs, err := db.Read(context.Background(),
		"MATCH ()-[r:WEAKENS|STRENGTHENS|DRIVES]->() WITH r.id AS id, type(r) AS t ORDER BY t RETURN id, collect(t) AS types", nil)
	require.NoError(t, err)
	out := map[string][]string{}
	for _, r := range recs {
		for _, x := range r["types"].([]any) {
			out[r["id"].(string)] = append(out[r["id"].(string)], x.(string))
		}
	}
	return out
}

// wantClaimEdges is claimEdges for a dataset loaded alone: one edge per
// claim, of its effect's type.
func wantClaimEdges(ds *graph.Dataset) map[string][]string {
	out := map[string][]string{}
	for _, c := range ds.Claims {
		out[c.ID] = []string{string(c.Effect.RelType())}
	}
	return out
}

// reference is the graph ds gives when loaded alone into an empty database.
func reference(t *testing.T, db *neo4j.DB, ds *graph.Dataset) []string {
	t.Helper()
	testenv.Wipe(t, db)
	load(t, db, ds, loader.Options{})
	want := snapshot(t, db)
	testenv.Wipe(t, db)
	return want
}

// flipped returns the small dataset with the effects of its claims on
// relations swapped (weakens for strengthens and back): a dataset with the
// same claim ids, all of other types.
func flipped(t *testing.T, only string) *graph.Dataset {
	t.Helper()
	ds := readSmall(t)
	for _, c := range ds.Claims {
		if only != "" && c.ID != only {
			continue
		}
		switch c.Effect {
		case graph.Weakens:
			c.Effect = graph.Strengthens
		case graph.Strengthens:
			c.Effect = graph.Weakens
		}
	}
	require.Empty(t, ds.Validate())
	return ds
}

// TestLoadRetypesAClaim changes one claim's effect and reloads (no prune):
// the claim's edge changes type, the old one is gone, and the summary says
// one element was updated. Before the fix, both edges were left.
func TestLoadRetypesAClaim(t *testing.T) {
	db := testenv.Neo4j(t)
	changed := flipped(t, "c-kurils-weakens-rus-jpn")
	want := reference(t, db, changed)

	ds := readSmall(t)
	load(t, db, ds, loader.Options{})
	sum := load(t, db, changed, loader.Options{})
	assert.Equal(t, 2, sum.Updated, "the claim's edge and its Claim node's effect: %v", sum)
	assert.Equal(t, ds.Elements().Len()-2, sum.Unchanged, "%v", sum)
	assert.Zero(t, sum.Created+sum.Removed, "%v", sum)
	assert.Equal(t, wantClaimEdges(changed), claimEdges(t, db))
	assert.Equal(t, want, snapshot(t, db))

	// And back, with batches and commits of their own.
	sum = load(t, db, ds, loader.Options{BatchSize: 2, CommitEvery: 4})
	assert.Equal(t, 2, sum.Updated, "%v", sum)
	assert.Equal(t, wantClaimEdges(ds), claimEdges(t, db))
}

// TestLoadTwoDatasetsOneAfterTheOther loads a dataset, then another with the
// same claim ids under other effects: every claim id is on exactly one
// edge, the second dataset's. Before the fix, every retyped claim was left
// twice.
func TestLoadTwoDatasetsOneAfterTheOther(t *testing.T) {
	db := testenv.Neo4j(t)
	second := flipped(t, "")
	want := reference(t, db, second)
	for _, opts := range []loader.Options{{}, {BatchSize: 2, CommitEvery: 3}, {BatchSize: 2, CommitEvery: 3, Writers: 3}} {
		testenv.Wipe(t, db)
		load(t, db, readSmall(t), opts)
		sum := load(t, db, second, opts)
		assert.Equal(t, second.Elements().Len(), sum.Created+sum.Updated+sum.Unchanged, "%v", sum)
		assert.Equal(t, wantClaimEdges(second), claimEdges(t, db))
		assert.Equal(t, want, snapshot(t, db))
	}
}

// TestConcurrentLoads runs two loads of overlapping data into one database
// at once, each in one transaction and with --commit-every: no id is
// duplicated, the graph is the one a single load gives, and the counts add
// up (one load creates what was missing, the other finds it all there).
// Before the fix, both created the missing edges. Each load waits (up to a
// second) inside its first batch for the other to start, so that without a
// lock they surely overlap.
func TestConcurrentLoads(t *testing.T) {
	db := testenv.Neo4j(t)
	ds := readSmall(t)
	el := ds.Elements()
	want := reference(t, db, ds)
	base := readSmall(t)
	base.Claims = base.Claims[:2]
	missing := el.Len() - base.Elements().Len()

	for _, opts := range []loader.Options{{}, {BatchSize: 3, CommitEvery: 6}, {BatchSize: 3, CommitEvery: 6, Writers: 2}} {
		t.Run(fmt.Sprintf("commit-every=%d/writers=%d", opts.CommitEvery, opts.Writers), func(t *testing.T) {
			testenv.Wipe(t, db)
			load(t, db, base, loader.Options{})
			var started sync.WaitGroup
			started.Add(2)
			sums := make([]loader.Summary, 2)
			errs := make([]error, 2)
			var done sync.WaitGroup
			for i := range 2 {
				done.Add(1)
				go func() {
					defer done.Done()
					o := opts
					var once sync.Once
					o.Progress = func(int, int) {
						once.Do(func() {
							started.Done()
							wait := make(chan struct{})
							go func() { started.Wait(); close(wait) }()
							select {
							case <-wait:
							case <-time.After(time.Second):
							}
						})
					}
					sums[i], errs[i] = loader.Load(context.Background(), db, readSmall(t), o)
				}()
			}
			done.Wait()
			require.NoError(t, errs[0])
			require.NoError(t, errs[1])
			assert.Equal(t, wantClaimEdges(ds), claimEdges(t, db), "one edge per claim id")
			assert.Equal(t, want, snapshot(t, db))
			for _, s := range sums {
				assert.Equal(t, el.Len(), s.Created+s.Updated+s.Unchanged, "%v", s)
			}
			assert.Equal(t, missing, sums[0].Created+sums[1].Created, "%v / %v", sums[0], sums[1])
		})
	}
}

// TestLoadLostCommitReply loses the reply to a commit (the commit happens,
// the client never hears of it): the error says what is known and that the
// last transaction's fate is unknown, never that nothing or less was
// written. Before the fix, a batch-committed load said "after committing 2
// of its transactions" with 3 in the graph, and a single-transaction load
// said "nothing written" with everything written. Rerunning completes the
// load, and its summary counts what the first one left as unchanged.
func TestLoadLostCommitReply(t *testing.T) {
	db := testenv.Neo4j(t)
	ds := readSmall(t)
	total := ds.Elements().Len()
	want := reference(t, db, ds)
	tests := []struct {
		name string
		opts loader.Options
		lose int // the COMMIT (counted from 0 after the first batch) whose reply is lost
		msg  string
	}{
		{"one transaction", loader.Options{BatchSize: 4}, 0,
			`^load failed: whether its transaction \(elements 1 to (\d+) of \d+\) committed is unknown`},
		{"commit every", loader.Options{BatchSize: 4, CommitEvery: 8}, 2,
			`^load failed after committing 2 of its transactions \(elements 1 to \d+ of \d+\); whether the 3rd \(elements \d+ to (\d+)\) committed is unknown`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testenv.Wipe(t, db)
			proxy, pdb := newReplyLoser(t)
			opts := tt.opts
			var once sync.Once
			opts.Progress = func(int, int) { once.Do(func() { proxy.loseReply(tt.lose) }) }
			_, err := loader.Load(context.Background(), pdb, ds, opts)
			require.Error(t, err)
			t.Log(err)
			m := regexp.MustCompile(tt.msg).FindStringSubmatch(err.Error())
			require.NotNil(t, m, "message %q does not match %s", err, tt.msg)
			assert.Contains(t, err.Error(), "run the load again")
			written := len(snapshot(t, db))
			upTo, _ := strconv.Atoi(m[1])
			st, err := db.LoadState(context.Background())
			require.NoError(t, err)
			if tt.opts.CommitEvery > 0 {
				require.NotNil(t, st, "a split load that stopped part-way leaves its state for readers")
				assert.Equal(t, upTo, st.Committed, "the state commits with the elements it counts")
				assert.Equal(t, total, st.Total)
				written-- // the state node
			} else {
				assert.Nil(t, st, "a load in one transaction is never seen in part")
			}
			assert.Equal(t, upTo, written, "the graph holds the elements of every transaction whose commit was sent")

			sum := load(t, db, ds, loader.Options{})
			assert.Equal(t, written, sum.Unchanged, "%v", sum)
			assert.Equal(t, total-written, sum.Created, "%v", sum)
			assert.Equal(t, want, snapshot(t, db), "the load that completes the graph removes the state")
		})
	}
}

// TestLoadLockRefuses holds a load open and starts another with a short
// LockWait: the second gives up with ECONFLICT and writes nothing, and once
// the first has finished a load goes through.
func TestLoadLockRefuses(t *testing.T) {
	db := testenv.Neo4j(t)
	ds := readSmall(t)
	inside, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	first := make(chan error, 1)
	go func() {
		_, err := loader.Load(context.Background(), db, ds, loader.Options{BatchSize: 2, Progress: func(int, int) {
			once.Do(func() { close(inside); <-release })
		}})
		first <- err
	}()
	<-inside
	_, err := loader.Load(context.Background(), db, flipped(t, ""), loader.Options{LockWait: 300 * time.Millisecond})
	// A load interrupted while it waits says so.
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	_, cancelled := loader.Load(ctx, db, flipped(t, ""), loader.Options{})
	cancel()
	// Interrupted (Ctrl-C cancels the context), it says that in words.
	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	_, interrupted := loader.Load(ctx, db, flipped(t, ""), loader.Options{})
	close(release)
	assert.ErrorIs(t, interrupted, context.Canceled)
	assert.Equal(t, "waiting for the load lock, nothing written: interrupted", fmt.Sprint(interrupted))
	require.Error(t, err)
	assert.Equal(t, graph.ECONFLICT, graph.ErrorCode(err), "%v", err)
	assert.Contains(t, err.Error(), "another load into this database is still running")
	assert.ErrorIs(t, cancelled, context.DeadlineExceeded)
	assert.Contains(t, cancelled.Error(), "waiting for the load lock, nothing written")
	require.NoError(t, <-first)
	assert.Equal(t, wantClaimEdges(ds), claimEdges(t, db), "the refused load wrote nothing")
	sum := load(t, db, ds, loader.Options{LockWait: 300 * time.Millisecond})
	assert.Equal(t, ds.Elements().Len(), sum.Unchanged, "the lock went with the first load")
}

// TestStoredStatementsSeekElementIDs checks the statements a load reads
// what is stored and writes changes with: the read scans the nodes once
// (and expands each node's relationships), and the writes find each node
// or edge by element id, scanning nothing.
func TestStoredStatementsSeekElementIDs(t *testing.T) {
	db := testenv.Neo4j(t)
	load(t, db, readSmall(t), loader.Options{})
	want := []struct {
		seek  string
		scans int
	}{
		{"AllNodesScan", 1}, // storedGraph
		{"NodeByElementIdSeek", 0}, {"RelationshipByElementIdSeek", 0}, {"RelationshipByElementIdSeek", 0},
	}
	stmts := neo4j.StoredStatements()
	require.Len(t, stmts, len(want))
	for i, cypher := range stmts {
		ops, err := db.Explain(context.Background(), cypher, map[string]any{"rows": []any{}, "labels": []string{"State"}, "types": []string{"WEAKENS"}})
		require.NoError(t, err)
		seeks, scans := 0, 0
		for _, op := range ops {
			if strings.Contains(op, "Scan") {
				scans++
			}
			if strings.Contains(op, want[i].seek) {
				seeks++
			}
		}
		assert.Equal(t, want[i].scans, scans, "%s: %v", cypher, ops)
		assert.Equal(t, 1, seeks, "%s: %v", cypher, ops)
	}
}

// TestSchemaUpgradesRelationshipIndexes starts from a database an older
// Dyad wrote (plain indexes on relationship ids) holding a duplicated claim
// id: Schema keeps that type's index, a load removes the duplicate (and
// counts it removed) and then creates the constraint; Schema twice changes
// nothing.
func TestSchemaUpgradesRelationshipIndexes(t *testing.T) {
	db := testenv.Neo4j(t)
	ctx := context.Background()
	ds := readSmall(t)
	load(t, db, ds, loader.Options{})
	for _, typ := range []string{"weakens", "part_of"} {
		require.NoError(t, db.Exec(ctx, fmt.Sprintf("DROP CONSTRAINT dyad_%s_id_unique", typ), nil))
		require.NoError(t, db.Exec(ctx, fmt.Sprintf("CREATE INDEX dyad_%s_id FOR ()-[r:%s]-() ON (r.id)", typ, strings.ToUpper(typ)), nil))
	}
	require.NoError(t, db.Exec(ctx, "MATCH (a)-[r:WEAKENS {id: 'c-kurils-weakens-rus-jpn'}]->(b) CREATE (a)-[c:WEAKENS]->(b) SET c = properties(r)", nil))

	require.NoError(t, loader.Schema(ctx, db))
	assert.Equal(t, []string{"dyad_part_of_id_unique", "dyad_weakens_id"}, relSchema(t, db, "part_of", "weakens"))
	sum := load(t, db, ds, loader.Options{})
	assert.Equal(t, 1, sum.Removed, "%v", sum)
	assert.Equal(t, 1, sum.Updated, "%v", sum)
	assert.Equal(t, wantClaimEdges(ds), claimEdges(t, db))
	assert.Equal(t, []string{"dyad_part_of_id_unique", "dyad_weakens_id_unique"}, relSchema(t, db, "part_of", "weakens"))
	require.NoError(t, loader.Schema(ctx, db))
	assert.Equal(t, []string{"dyad_part_of_id_unique", "dyad_weakens_id_unique"}, relSchema(t, db, "part_of", "weakens"))
}

// relSchema lists the indexes and constraints named for the given types'
// ids.
func relSchema(t *testing.T, db *neo4j.DB, types ...string) []string {
	t.Helper()
	recs, err := db.Read(context.Background(), "SHOW INDEXES YIELD name RETURN name ORDER BY name", nil)
	require.NoError(t, err)
	var out []string
	for _, r := range recs {
		name := r["name"].(string)
		for _, typ := range types {
			if strings.HasPrefix(name, "dyad_"+typ+"_id") {
				out = append(out, name)
			}
		}
	}
	return out
}

// TestCountsStatementReadsCountStore checks that the one statement a load
// uses to find the empty labels and types (and Schema the types to check
// for duplicate ids) reads every count from Neo4j's count store: a branch
// per label and type, and no scan however large the graph.
func TestCountsStatementReadsCountStore(t *testing.T) {
	db := testenv.Neo4j(t)
	load(t, db, readSmall(t), loader.Options{})
	ops, err := db.Explain(context.Background(), neo4j.CountsStatement(), nil)
	require.NoError(t, err)
	fromStore := 0
	for _, op := range ops {
		assert.NotContains(t, op, "Scan", "%v", ops)
		if strings.Contains(op, "CountFromCountStore") {
			fromStore++
		}
	}
	assert.Equal(t, len(graph.Labels)+len(graph.RelTypes), fromStore, "%v", ops)
}

// TestCreateStatementsSeekElementIDs checks the first load's statements:
// the edges' ends are found by element id (no index, no scan), and the
// nodes' statement scans nothing either.
func TestCreateStatementsSeekElementIDs(t *testing.T) {
	db := testenv.Neo4j(t)
	for _, tt := range []struct {
		cypher string
		seeks  int
	}{
		{neo4j.CreateEdgesStatement(), 2},
		{neo4j.CreateNodesStatement(), 0},
		{neo4j.CreateEdgesConcurrentStatement(), 2},
		{neo4j.CreateNodesConcurrentStatement(), 0},
	} {
		ops, err := db.Explain(context.Background(), tt.cypher, map[string]any{"rows": []any{}, "writers": int64(2), "batch": int64(10)})
		require.NoError(t, err)
		seeks := 0
		for _, op := range ops {
			assert.NotContains(t, op, "Scan", "%v", ops)
			if strings.Contains(op, "NodeByElementIdSeek") {
				seeks++
			}
		}
		assert.Equal(t, tt.seeks, seeks, "%v", ops)
	}
}

// TestFirstLoadIntoAFreshSchema loads into a database with no relationships
// and none of the edge id constraints (a new database, where schema takes
// its shortcut past the counts): the constraints are all there afterwards,
// the graph is the one a load with them in place writes, and a second load
// finds every edge through them (all unchanged).
func TestFirstLoadIntoAFreshSchema(t *testing.T) {
	db := testenv.Neo4j(t)
	ctx := context.Background()
	ds := readSmall(t)
	load(t, db, ds, loader.Options{})
	want := snapshot(t, db)
	testenv.Wipe(t, db)
	before := relConstraints(t, db)
	require.Len(t, before, len(graph.RelTypes))
	for _, name := range before {
		require.NoError(t, db.Exec(ctx, "DROP CONSTRAINT "+name, nil))
	}
	require.Empty(t, relConstraints(t, db))

	sum := load(t, db, ds, loader.Options{})
	assert.Equal(t, ds.Elements().Len(), sum.Created)
	assert.Equal(t, before, relConstraints(t, db))
	assert.Equal(t, want, snapshot(t, db))
	again := load(t, db, ds, loader.Options{})
	assert.Equal(t, ds.Elements().Len(), again.Unchanged)
}

// relConstraints lists the names of the uniqueness constraints on
// relationships, sorted.
func relConstraints(t *testing.T, db *neo4j.DB) []string {
	t.Helper()
	recs, err := db.Read(context.Background(),
		"SHOW CONSTRAINTS YIELD name, entityType WHERE entityType = 'RELATIONSHIP' RETURN name ORDER BY name", nil)
	require.NoError(t, err)
	var names []string
	for _, r := range recs {
		names = append(names, r["name"].(string))
	}
	return names
}
