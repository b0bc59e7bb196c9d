package queries

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/gen"
	"github.com/dyad-kg/dyad/loader"
)

// pathsInto is the reference bestInto is held to: every claim path of
// 1..Depth edges ending at target, through distinct nodes, every claim in
// the period, in causal order, found by a plain walk back over the claims
// into each node (no lengths walked in turn, no ranking).
func (m *Memory) pathsInto(target string, p Params) [][]*graph.Edge {
	x := m.claimChains()
	n, ok := x.node[target]
	if !ok {
		return nil
	}
	var out [][]*graph.Edge
	var rev []*graph.Edge
	onPath := []int32{n}
	var walk func(node int32)
	walk = func(node int32) {
		for _, c := range x.in[x.inStart[node]:x.inStart[node+1]] {
			far := x.from[c]
			if slices.Contains(onPath, far) || !graph.InYears(x.edges[c].Props, p.Years()) {
				continue
			}
			rev = append(rev, x.edges[c])
			path := slices.Clone(rev)
			slices.Reverse(path)
			out = append(out, path)
			if len(rev) < p.Depth {
				onPath = append(onPath, far)
				walk(far)
				onPath = onPath[:len(onPath)-1]
			}
			rev = rev[:len(rev)-1]
		}
	}
	walk(n)
	return out
}

func pathSign(path []*graph.Edge) int {
	s := 1
	for _, e := range path {
		if e.Type == graph.RelWeakens {
			s = -s
		}
	}
	return s
}

// pathRegions are the regions on path, node by node (what regions listed
// per path before the chain index).
func (m *Memory) pathRegions(path []*graph.Edge, region string) []string {
	var out []string
	for i := -1; i < len(path); i++ {
		n := path[0].From
		if i >= 0 {
			n = path[i].To
		}
		for _, r := range m.regionsOf(n) {
			if region == "" || r == region {
				out = append(out, r)
			}
		}
	}
	return out
}

// TestBestIntoAgreesWithWalk checks the chain index against the walk it
// replaced, on generated datasets and the shipped one: for every relation,
// stance and factor (the targets of the causal questions), at every depth,
// with and without a period, unfiltered and filtered as weakened,
// strengthened and regions filter, the chains bestInto keeps are the first
// keep of every path the walk finds, in topPaths' rank (firstPaths), and
// every path when keep is 0 or covers them all; the regions on each are
// those the walk's path has.
func TestBestIntoAgreesWithWalk(t *testing.T) {
	shipped, err := loader.ReadEmbedded()
	require.NoError(t, err)
	sets := map[string]*graph.Dataset{
		"shipped":         shipped,
		"generated 10k/1": gen.Dataset(gen.ForElements(10_000, 1)),
		"generated 10k/7": gen.Dataset(gen.ForElements(10_000, 7)),
	}
	for name, ds := range sets {
		t.Run(name, func(t *testing.T) {
			m := NewMemory(ds)
			var targets []string
			for id, n := range m.nodes {
				if n.Label == graph.LabelRelation || n.Label == graph.LabelStance || n.Label == graph.LabelFactor {
					targets = append(targets, id)
				}
			}
			slices.Sort(targets)
			checked := 0
			for i, target := range targets {
				for j, p := range []Params{{Depth: 3}, {Depth: 2}, {Depth: 1}, {Depth: 3, From: 2000, To: 2010}, {Depth: 3, From: 2012}} {
					// every other target at full depth; a sample of the rest
					if i%2 != 0 || (j > 0 && i%6 != 0) {
						continue
					}
					checked += checkBestInto(t, m, target, p)
				}
			}
			require.Positive(t, checked)
			t.Logf("%d targets, %d chains compared", len(targets), checked)
		})
	}
}

// checkBestInto compares bestInto with the walk for one target and p,
// every filter and several sizes; it returns how many chains it compared.
func checkBestInto(t *testing.T, m *Memory, target string, p Params) int {
	x := m.claimChains()
	all := m.pathsInto(target, p)
	filters := map[string]struct {
		chain func(*chain) bool
		path  func([]*graph.Edge) bool
	}{
		"all":          {nil, func([]*graph.Edge) bool { return true }},
		"weakened":     {func(c *chain) bool { return x.sign(c) == -1 }, func(pa []*graph.Edge) bool { return pathSign(pa) == -1 }},
		"strengthened": {func(c *chain) bool { return x.sign(c) == 1 }, func(pa []*graph.Edge) bool { return pathSign(pa) == 1 }},
		"regions":      {func(c *chain) bool { return x.hasRegion(c, "") }, func(pa []*graph.Edge) bool { return len(m.pathRegions(pa, "")) > 0 }},
	}
	compared := 0
	for fname, f := range filters {
		var want [][]*graph.Edge
		for _, pa := range all {
			if f.path(pa) {
				want = append(want, pa)
			}
		}
		for _, keep := range []int{0, 2, 101} {
			got := m.bestInto([]string{target}, p, keep, f.chain)
			var wantIDs []string
			for _, j := range firstPaths(want, keep) {
				wantIDs = append(wantIDs, ClaimIDs(want[j]))
			}
			var gotIDs []string
			for j := range got {
				gotIDs = append(gotIDs, chainIDs(m.chainSteps(&got[j])))
			}
			if keep == 0 || keep >= len(want) {
				// every path, in no particular order
				slices.Sort(wantIDs)
				slices.Sort(gotIDs)
			}
			msg := fmt.Sprintf("%s into %s, %+v, keep %d", fname, target, p, keep)
			require.Equal(t, wantIDs, gotIDs, msg)
			compared += len(gotIDs)
		}
		if fname == "regions" {
			for _, c := range m.bestInto([]string{target}, p, 0, f.chain) {
				path := make([]*graph.Edge, c.n)
				for j := range path {
					path[j] = x.edges[c.claim[j]]
				}
				require.Equal(t, m.pathRegions(path, ""), x.chainRegions(&c, ""))
				for _, r := range m.pathRegions(path, "") {
					require.Equal(t, m.pathRegions(path, r), x.chainRegions(&c, r))
					require.True(t, x.hasRegion(&c, r))
				}
			}
		}
	}
	return compared
}
