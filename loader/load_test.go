package loader_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

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

	dry := load(t, db, smaller, loader.Options{Prune: true, DryRun: true})
	assert.True(t, dry.DryRun)
	assert.Equal(t, 3, dry.Removed, "factor, its CONCERNS edge and its claim")
	assert.Len(t, snapshot(t, db), ds.Elements().Len()+2, "a dry run writes nothing")

	sum := load(t, db, smaller, loader.Options{Prune: true})
	assert.Equal(t, 3, sum.Removed)
	got := snapshot(t, db)
	assert.Len(t, got, smaller.Elements().Len()+2)
	recs, err := db.Read(ctx, "MATCH (:State {id: 'XXX'})-[:NOTE]->(:State {id: 'RUS'}) RETURN count(*) AS n", nil)
	require.NoError(t, err)
	assert.EqualValues(t, 1, recs[0]["n"], "prune must not touch what Dyad did not load")
}

func TestLoadDryRunWritesNothing(t *testing.T) {
	db := testenv.Neo4j(t)
	sum := load(t, db, readSmall(t), loader.Options{DryRun: true})
	assert.Equal(t, readSmall(t).Elements().Len(), sum.Created)
	assert.Empty(t, snapshot(t, db))
}

// TestLoadInterrupted cancels a load halfway (after its first batch): the
// transaction rolls back and the previous graph is intact.
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
		if batches == 3 {
			cancel()
		}
	}})
	require.Error(t, err)
	assert.True(t, errors.Is(err, context.Canceled), "got %v", err)
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

// TestLoadCommitEvery splits a load into several transactions: the graph is
// the same as a single-transaction load's, and reloading is still a no-op.
func TestLoadCommitEvery(t *testing.T) {
	db := testenv.Neo4j(t)
	ds := readSmall(t)
	load(t, db, ds, loader.Options{})
	want := snapshot(t, db)
	testenv.Wipe(t, db)

	sum := load(t, db, ds, loader.Options{BatchSize: 4, CommitEvery: 8})
	assert.Greater(t, sum.Transactions, 3)
	assert.Equal(t, ds.Elements().Len(), sum.Created)
	assert.Equal(t, want, snapshot(t, db))
	again := load(t, db, ds, loader.Options{BatchSize: 4, CommitEvery: 8})
	assert.Equal(t, ds.Elements().Len(), again.Unchanged)
	assert.Equal(t, want, snapshot(t, db))
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
	assert.Equal(t, 1, sum.Updated)
	recs, err := db.Read(context.Background(), "MATCH (s)-[r:WEAKENS {id: $id}]->() RETURN s.id AS subject", map[string]any{"id": "c-kurils-weakens-rus-jpn"})
	require.NoError(t, err)
	require.Len(t, recs, 1)
	assert.Equal(t, "rfe-neglect", recs[0]["subject"])
}
