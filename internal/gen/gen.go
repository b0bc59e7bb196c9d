// Package gen generates synthetic, valid Dyad datasets of any size, for
// benchmarks and load tests. A dataset is determined by its Config: the same
// Config (seed included) always gives the same dataset.
package gen

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/dyad-kg/dyad/graph"
)

// Config sizes a generated dataset. States, Events and Claims set the size;
// the other counts default (when zero) to values derived from them.
type Config struct {
	States int
	Events int
	Claims int
	Seed   int64

	Regions   int // default max(1, States/4)
	Disputes  int // default States/10
	Stances   int // default max(1, States/2)
	Factors   int // default max(2, Claims/50), at most 100000
	Relations int // default min(all pairs, 3*States)
	Sources   int // default max(1, (Events+Claims)/100)
}

// ForElements returns a Config whose dataset has about n elements (nodes and
// edges, as graph.Dataset.Elements counts them); check el.Len() for the exact
// number.
func ForElements(n int, seed int64) Config {
	states := min(max(10, n/500), 2000)
	// Measured: one unit below (an event and three claims, with their
	// INVOLVES, CONCERNS and claim edges, the claims' Claim nodes with their
	// SUBJECT, OBJECT and SUPPORTS edges, the event's SUPPORTS edge, and
	// their share of sources, factors and states) comes to 23.8 elements;
	// see TestForElements.
	unit := n * 10 / 238
	return Config{States: states, Events: unit, Claims: 3 * unit, Seed: seed}
}

// NodeHeavy returns a Config whose dataset has about n elements of which
// about 80% are nodes: the graph of ForElements(n/4) (82% edges) and, for
// the other three quarters, sources (nodes that claims and events may
// cite, with no edges of their own). ForElements' graphs are the other
// shape, for benchmarks that depend on the share of nodes (an export).
func NodeHeavy(n int, seed int64) Config {
	c := ForElements(n/4, seed)
	c.Sources = max(1, n-n/4)
	return c
}

func (c Config) withDefaults() Config {
	c.States = max(c.States, 2)
	if c.Regions <= 0 {
		c.Regions = max(1, c.States/4)
	}
	if c.Disputes <= 0 {
		c.Disputes = c.States / 10
	}
	if c.Stances <= 0 {
		c.Stances = max(1, c.States/2)
	}
	if c.Factors <= 0 {
		c.Factors = min(max(2, c.Claims/50), 100000)
	}
	if c.Relations <= 0 {
		c.Relations = 3 * c.States
	}
	c.Relations = min(c.Relations, c.States*(c.States-1)/2)
	if c.Sources <= 0 {
		c.Sources = max(1, (c.Events+c.Claims)/100)
	}
	return c
}

// MaxStates is the number of three-letter state ids (AAA to ZZZ).
const MaxStates = 26 * 26 * 26

// StateID returns the i-th three-letter state id: AAA, AAB, ...
func StateID(i int) string {
	return string([]byte{byte('A' + i/676%26), byte('A' + i/26%26), byte('A' + i%26)})
}

type gen struct {
	r   *rand.Rand
	cfg Config
	ds  *graph.Dataset
}

// Dataset generates a valid dataset: it passes ds.Validate(). It panics if
// cfg asks for more than MaxStates states.
func Dataset(cfg Config) *graph.Dataset {
	cfg = cfg.withDefaults()
	if cfg.States > MaxStates {
		panic(fmt.Sprintf("gen: %d states asked for, at most %d have three-letter ids", cfg.States, MaxStates))
	}
	g := &gen{r: rand.New(rand.NewPCG(uint64(cfg.Seed), 0x64796164)), cfg: cfg, ds: &graph.Dataset{}}
	g.sources()
	g.states()
	g.regions()
	g.disputes()
	g.events()
	g.stances()
	g.factors()
	g.relations()
	g.claims()
	return g.ds
}

var (
	authors    = []string{"A. Ivanova", "K. Tanaka", "L. Chen", "M. Dubois", "S. Okafor", "R. Silva", "H. Müller", "P. Novak"}
	publishers = []string{"Routledge", "Oxford University Press", "Ministry of Foreign Affairs", "Reuters", "Carnegie Endowment"}
	topics     = []string{"trade", "energy", "security", "borders", "fisheries", "investment", "migration", "technology", "culture", "arms control"}
)

func (g *gen) pick(n int) int { return g.r.IntN(n) }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *gen) state() string { return StateID(g.pick(g.cfg.States)) }

// states returns k distinct random state ids (k <= States).
func (g *gen) distinctStates(k int) []string {
	k = min(k, g.cfg.States)
	out := make([]string, 0, k)
	for len(out) < k {
		s := g.state()
		dup := false
		for _, o := range out {
			dup = dup || o == s
		}
		if !dup {
			out = append(out, s)
		}
	}
	return out
}

func (g *gen) date() graph.Date {
	d := graph.Date{Year: 1950 + g.pick(76)}
	switch g.pick(3) {
	case 1:
		d.Month = 1 + g.pick(12)
	case 2:
		d.Month = 1 + g.pick(12)
		d.Day = 1 + g.pick(28)
	}
	return d
}

func (g *gen) period() graph.Period {
	from := 1950 + g.pick(70)
	p := graph.Period{From: graph.Date{Year: from}}
	if g.chance(0.7) {
		p.To = graph.Date{Year: from + g.pick(2026-from)}
	}
	return p
}

func (g *gen) citations(min, max int) []graph.Citation {
	n := min + g.pick(max-min+1)
	if n == 0 {
		return nil
	}
	cs := make([]graph.Citation, n)
	for i := range cs {
		mode := graph.Argued
		if g.chance(0.5) {
			mode = graph.Reported
		}
		cs[i] = graph.Citation{Source: sourceID(g.pick(g.cfg.Sources)), Locator: fmt.Sprintf("p. %d", 1+g.pick(400)), Mode: mode}
	}
	return cs
}

func sourceID(i int) string         { return fmt.Sprintf("src-%d", i) }
func regionID(i int) string         { return fmt.Sprintf("region-%d", i) }
func disputeID(i int) string        { return fmt.Sprintf("dispute-%d", i) }
func eventID(i int) string          { return fmt.Sprintf("event-%d", i) }
func stanceID(i int) string         { return fmt.Sprintf("stance-%d", i) }
func factorID(i int) string         { return fmt.Sprintf("factor-%d", i) }
func claimID(i int) string          { return fmt.Sprintf("claim-%d", i) }
func relationID(a, b string) string { return a + "-" + b }

func (g *gen) sources() {
	kinds := graph.SourceKinds
	g.ds.Sources = make([]*graph.Source, g.cfg.Sources)
	for i := range g.ds.Sources {
		s := &graph.Source{
			Entity: graph.Entity{ID: sourceID(i), Name: fmt.Sprintf("Study %d of %s", i, topics[i%len(topics)])},
			Kind:   kinds[g.pick(len(kinds))],
		}
		if g.chance(0.6) {
			s.Authors = []string{authors[g.pick(len(authors))]}
		}
		if g.chance(0.5) {
			s.Publisher = publishers[g.pick(len(publishers))]
		}
		if g.chance(0.8) {
			s.Published = g.date()
		}
		if g.chance(0.3) {
			s.URL = fmt.Sprintf("https://example.org/sources/%d", i)
		}
		g.ds.Sources[i] = s
	}
}

func (g *gen) states() {
	g.ds.States = make([]*graph.State, g.cfg.States)
	for i := range g.ds.States {
		id := StateID(i)
		s := &graph.State{
			Entity:  graph.Entity{ID: id, Name: "State " + id},
			Capital: "Capital of " + id,
		}
		if g.chance(0.3) {
			s.Adjectives = []string{id + "ian"}
		}
		if g.chance(0.2) {
			// Founded before the first generated event, so every event is valid.
			s.Existed = graph.Period{From: graph.Date{Year: 1800 + g.pick(150)}}
		}
		if i > 0 && i%50 == 0 {
			s.Predecessors = []string{StateID(i - 1)}
		}
		if g.chance(0.2) {
			s.Sources = g.citations(1, 1)
		}
		g.ds.States[i] = s
	}
}

func (g *gen) regions() {
	g.ds.Regions = make([]*graph.Region, g.cfg.Regions)
	for i := range g.ds.Regions {
		r := &graph.Region{Entity: graph.Entity{ID: regionID(i), Name: fmt.Sprintf("Region %d", i)}}
		if i%3 == 2 {
			r.Scope = graph.Supranational
			r.Members = g.distinctStates(2 + g.pick(4))
		} else {
			r.Scope = graph.Subnational
			r.PartOf = []string{g.state()}
		}
		r.Sources = g.citations(0, 1)
		g.ds.Regions[i] = r
	}
}

func (g *gen) disputes() {
	g.ds.Disputes = make([]*graph.Dispute, g.cfg.Disputes)
	for i := range g.ds.Disputes {
		x := &graph.Dispute{
			Entity: graph.Entity{ID: disputeID(i), Name: fmt.Sprintf("Dispute %d", i)},
			Since:  graph.Date{Year: 1950 + g.pick(70)},
		}
		if g.chance(0.5) {
			x.Territory = regionID(g.pick(g.cfg.Regions))
		}
		for _, s := range g.distinctStates(2) {
			x.Parties = append(x.Parties, graph.Party{State: s, Position: "The territory belongs to " + s + ".", Sources: g.citations(0, 1)})
		}
		x.Sources = g.citations(1, 2)
		g.ds.Disputes[i] = x
	}
}

func (g *gen) events() {
	kinds := graph.EventKinds
	g.ds.Events = make([]*graph.Event, g.cfg.Events)
	for i := range g.ds.Events {
		k := kinds[g.pick(len(kinds))]
		e := &graph.Event{
			Entity: graph.Entity{ID: eventID(i), Name: fmt.Sprintf("%s on %s %d", k, topics[g.pick(len(topics))], i)},
			Date:   g.date(),
			Kind:   k,
			States: g.distinctStates(1 + g.pick(3)),
		}
		if g.chance(0.15) {
			e.Regions = []string{regionID(g.pick(g.cfg.Regions))}
		}
		if g.cfg.Disputes > 0 && g.chance(0.05) {
			e.Disputes = []string{disputeID(g.pick(g.cfg.Disputes))}
		}
		e.Sources = g.citations(1, 2)
		g.ds.Events[i] = e
	}
}

func (g *gen) stances() {
	g.ds.Stances = make([]*graph.Stance, g.cfg.Stances)
	for i := range g.ds.Stances {
		ss := g.distinctStates(1 + g.pick(3))
		s := &graph.Stance{
			Entity: graph.Entity{ID: stanceID(i), Name: fmt.Sprintf("Stance %d of %s", i, ss[0])},
			Holder: ss[0],
			Toward: ss[1:],
			Period: g.period(),
		}
		s.Sources = g.citations(1, 2)
		g.ds.Stances[i] = s
	}
}

func (g *gen) factors() {
	g.ds.Factors = make([]*graph.Factor, g.cfg.Factors)
	for i := range g.ds.Factors {
		f := &graph.Factor{Entity: graph.Entity{ID: factorID(i), Name: fmt.Sprintf("Factor %d: %s", i, topics[i%len(topics)])}}
		if g.chance(0.4) {
			f.Within = g.state()
		}
		if g.chance(0.2) {
			f.Regions = []string{regionID(g.pick(g.cfg.Regions))}
		}
		f.Sources = g.citations(0, 1)
		g.ds.Factors[i] = f
	}
}

func (g *gen) relations() {
	n, total := g.cfg.Relations, g.cfg.States*(g.cfg.States-1)/2
	var pairs [][2]int
	if 2*n >= total {
		for a := 0; a < g.cfg.States; a++ {
			for b := a + 1; b < g.cfg.States; b++ {
				pairs = append(pairs, [2]int{a, b})
			}
		}
		g.r.Shuffle(len(pairs), func(i, j int) { pairs[i], pairs[j] = pairs[j], pairs[i] })
		pairs = pairs[:n]
	} else {
		seen := map[[2]int]bool{}
		for len(pairs) < n {
			a, b := g.pick(g.cfg.States), g.pick(g.cfg.States)
			if a == b || seen[[2]int{min(a, b), max(a, b)}] {
				continue
			}
			seen[[2]int{min(a, b), max(a, b)}] = true
			pairs = append(pairs, [2]int{a, b})
		}
	}
	g.ds.Relations = make([]*graph.Relation, len(pairs))
	for i, p := range pairs {
		a, b := StateID(p[0]), StateID(p[1])
		g.ds.Relations[i] = &graph.Relation{
			Entity:  graph.Entity{ID: relationID(a, b), Name: a + "–" + b + " relations"},
			States:  [2]string{a, b},
			Sources: g.citations(0, 2),
		}
	}
}

// node kinds, for claim endpoints.
const (
	kFactor = iota
	kStance
	kEvent
	kRegion
	kDispute
	kRelation
)

type claimKey struct {
	subjKind, objKind uint8
	effect            uint8
	subj, obj         int32
	from, to          int16
}

func (g *gen) endpoint(kind int) (int, string) {
	switch kind {
	case kFactor:
		i := g.pick(g.cfg.Factors)
		return i, factorID(i)
	case kStance:
		i := g.pick(g.cfg.Stances)
		return i, stanceID(i)
	case kEvent:
		i := g.pick(g.cfg.Events)
		return i, eventID(i)
	case kRegion:
		i := g.pick(g.cfg.Regions)
		return i, regionID(i)
	case kDispute:
		i := g.pick(g.cfg.Disputes)
		return i, disputeID(i)
	}
	i := g.pick(len(g.ds.Relations))
	return i, g.ds.Relations[i].ID
}

func (g *gen) claims() {
	// Subjects: mostly events and factors, as in the curated data.
	subjKinds := []int{kEvent, kEvent, kEvent, kFactor, kFactor, kStance, kRegion, kDispute}
	effects := []graph.Effect{graph.Weakens, graph.Strengthens, graph.Drives}
	seen := make(map[claimKey]bool, g.cfg.Claims)
	g.ds.Claims = make([]*graph.Claim, 0, g.cfg.Claims)
	for tries := 0; len(g.ds.Claims) < g.cfg.Claims; tries++ {
		if tries > 20*g.cfg.Claims+1000 {
			panic("gen: cannot find enough distinct claims; ask for fewer claims or more events")
		}
		sk := subjKinds[g.pick(len(subjKinds))]
		if (sk == kEvent && g.cfg.Events == 0) || (sk == kDispute && g.cfg.Disputes == 0) {
			sk = kFactor
		}
		eff := g.pick(len(effects))
		var ok int
		switch effects[eff] {
		case graph.Drives:
			ok = []int{kFactor, kStance}[g.pick(2)]
		default:
			ok = []int{kRelation, kRelation, kFactor, kStance}[g.pick(4)]
		}
		si, sid := g.endpoint(sk)
		oi, oid := g.endpoint(ok)
		if sid == oid {
			continue
		}
		var per graph.Period
		if g.chance(0.3) {
			per = g.period()
		}
		key := claimKey{uint8(sk), uint8(ok), uint8(eff), int32(si), int32(oi), int16(per.From.Year), int16(per.To.Year)}
		if seen[key] {
			continue
		}
		seen[key] = true
		c := &graph.Claim{
			ID:       claimID(len(g.ds.Claims)),
			Subject:  sid,
			Effect:   effects[eff],
			Object:   oid,
			Period:   per,
			Summary:  fmt.Sprintf("%s %s %s through %s.", sid, effects[eff], oid, topics[g.pick(len(topics))]),
			Evidence: g.citations(1, 3),
		}
		if g.chance(0.05) {
			c.ContestedBy = g.citations(1, 1)
		}
		g.ds.Claims = append(g.ds.Claims, c)
	}
}

// FileRecords is the most records WriteYAML puts in one file; a longer list
// is split over numbered files (claims-0001.yaml, claims-0002.yaml, ...).
// Files are kept small because the reader's cost grows faster than linearly
// with the records in one file.
const FileRecords = 1000

// WriteYAML writes ds into the folder dir (created if need be) as dataset
// files that loader.ReadDir reads back: one file per list, split every
// FileRecords records, one record per line as a JSON flow mapping (JSON is
// YAML). It refuses a folder that already holds *.yaml files, which would be
// read as part of the dataset.
func WriteYAML(dir string, ds *graph.Dataset) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, pat := range []string{"*.yaml", "*.yml"} {
		if old, _ := filepath.Glob(filepath.Join(dir, pat)); len(old) > 0 {
			return fmt.Errorf("%s already holds dataset files (%s); write into an empty folder", dir, filepath.Base(old[0]))
		}
	}
	lists := []struct {
		name string
		recs []any
	}{
		{"states", anys(ds.States)}, {"regions", anys(ds.Regions)}, {"disputes", anys(ds.Disputes)},
		{"events", anys(ds.Events)}, {"stances", anys(ds.Stances)}, {"factors", anys(ds.Factors)},
		{"relations", anys(ds.Relations)}, {"sources", anys(ds.Sources)}, {"claims", anys(ds.Claims)},
	}
	for _, l := range lists {
		if len(l.recs) == 0 {
			continue
		}
		files := (len(l.recs) + FileRecords - 1) / FileRecords
		for f := 0; f < files; f++ {
			name := l.name + ".yaml"
			if files > 1 {
				name = fmt.Sprintf("%s-%04d.yaml", l.name, f+1)
			}
			part := l.recs[f*FileRecords : min(len(l.recs), (f+1)*FileRecords)]
			if err := writeList(filepath.Join(dir, name), l.name, part); err != nil {
				return err
			}
		}
	}
	return nil
}

func anys[T any](xs []*T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

func writeList(path, list string, recs []any) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, f.Close()) }()
	w := bufio.NewWriterSize(f, 1<<16)
	fmt.Fprintf(w, "# Generated by dyad gen: a synthetic dataset for benchmarks.\n%s:\n", list)
	for _, r := range recs {
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		// A bufio.Writer keeps its first error; Flush returns it.
		_, _ = w.WriteString("  - ")
		_, _ = w.Write(b)
		_ = w.WriteByte('\n')
	}
	return w.Flush()
}
