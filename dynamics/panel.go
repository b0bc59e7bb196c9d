package dynamics

import (
	"cmp"
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-kg/dyad/graph"
)

// PanelOptions choose the rows of a dyad-year panel.
type PanelOptions struct {
	// Span is the years; an open end is the first or last year the data
	// names (DataYears).
	Span Span
	// Directed gives each dyad-year twice, once in each order; otherwise
	// once, with the lower Correlates of War code first.
	Directed bool
}

// PanelRow is one dyad-year. See docs/panel.md for every column.
type PanelRow struct {
	// CCode1 and CCode2 are the states' Correlates of War codes, 0 if the
	// dataset records none; ISO1 and ISO2 their ISO 3166 alpha-3 codes.
	CCode1, CCode2 int
	ISO1, ISO2     string
	Year           int
	// Relations are the ids of the Relations the row counts: two in the
	// year a state succeeded another under the same COW code.
	Relations []string
	// Strengthening and Weakening count the direct claims active in the
	// year; Balance is their summed Weights, strengthening minus weakening.
	Strengthening, Weakening int
	Balance                  float64
	// Events dated in the year; Disputes active (begun by then) between the
	// two; Stances1 and Stances2 the stances in force held by state 1 and 2.
	Events, Disputes, Stances1, Stances2 int
}

// PanelColumns are the CSV header of a panel.
var PanelColumns = []string{
	"ccode1", "ccode2", "iso1", "iso2", "year", "relations",
	"claims_strengthening", "claims_weakening", "balance",
	"events", "disputes", "stances1", "stances2",
}

// dyadYear collects what a panel row counts, as sets so that a fact
// reached through two relations (a dispute of Japan with the Soviet Union
// and Russia) counts once.
type dyadYear struct {
	side                        [2]*graph.State
	year                        int
	claims                      map[*graph.Claim]bool
	relations, events, disputes map[string]bool
	stances                     [2]map[string]bool
}

// Panel returns the dyad-year rows of ds: for every Relation, every year of
// the span in which both of its states existed. A predecessor and its
// continuator that share a COW code (the Soviet Union and Russia, 365) give
// one series of rows: in the year of succession both relations count, and
// the row shows the state that existed at the end of the year.
func Panel(ds *graph.Dataset, opts PanelOptions) []PanelRow {
	first, last := DataYears(ds)
	x := newIndex(ds)
	cells := map[string]*dyadYear{}
	for _, r := range ds.Relations {
		a, b := ds.State(r.States[0]), ds.State(r.States[1])
		if a == nil || b == nil || sameCode(a, b) {
			continue
		}
		if !stateLess(a, b) {
			a, b = b, a
		}
		s := clamp(opts.Span, Lifetime(ds, r), Span{first, last})
		facts := gatherFacts(x, r, a, b)
		for y := s.From; y <= s.To && s.From != 0; y++ {
			key := sideKey(a) + "|" + sideKey(b) + "|" + strconv.Itoa(y)
			cell := cells[key]
			if cell == nil {
				cell = newDyadYear(a, b, y)
				cells[key] = cell
			}
			cell.add(facts, a, b)
		}
	}
	var rows []PanelRow
	for _, cell := range cells {
		row := cell.row(ds)
		rows = append(rows, row)
		if opts.Directed {
			rows = append(rows, row.swapped())
		}
	}
	slices.SortFunc(rows, func(x, y PanelRow) int {
		return cmp.Or(compareSide(x.CCode1, x.ISO1, y.CCode1, y.ISO1), compareSide(x.CCode2, x.ISO2, y.CCode2, y.ISO2), cmp.Compare(x.Year, y.Year))
	})
	return rows
}

func newDyadYear(a, b *graph.State, y int) *dyadYear {
	return &dyadYear{
		side: [2]*graph.State{a, b}, year: y,
		relations: map[string]bool{}, claims: map[*graph.Claim]bool{}, events: map[string]bool{}, disputes: map[string]bool{},
		stances: [2]map[string]bool{{}, {}},
	}
}

// relationFacts are the facts of one relation that a panel row can count,
// gathered once for all its years.
type relationFacts struct {
	id       string
	claims   []*graph.Claim
	events   []*graph.Event
	disputes []*graph.Dispute
	// stances are those of each side (as ordered in the row) that bear on
	// the relation.
	stances [2][]*graph.Stance
}

func gatherFacts(x *index, r *graph.Relation, a, b *graph.State) *relationFacts {
	f := &relationFacts{id: r.ID, events: x.markers(r), claims: x.directClaims(r.ID)}
	subjects := map[string]bool{}
	for _, c := range f.claims {
		subjects[c.Subject] = true
	}
	for _, d := range x.ds.Disputes {
		if isParty(d, a.ID) && isParty(d, b.ID) {
			f.disputes = append(f.disputes, d)
		}
	}
	for _, st := range x.ds.Stances {
		for i, holder := range []string{a.ID, b.ID} {
			if st.Holder == holder && (slices.Contains(st.Toward, r.Other(holder)) || subjects[st.ID]) {
				f.stances[i] = append(f.stances[i], st)
			}
		}
	}
	return f
}

// add counts the facts of a relation between a (side 1) and b (side 2) in
// the cell.
func (d *dyadYear) add(f *relationFacts, a, b *graph.State) {
	d.relations[f.id] = true
	// The row shows the successor in the year both existed.
	for i, s := range []*graph.State{a, b} {
		if s.Existed.From.Compare(d.side[i].Existed.From) > 0 {
			d.side[i] = s
		}
	}
	for _, c := range f.claims {
		if Active(c, d.year) {
			d.claims[c] = true
		}
	}
	for _, e := range f.events {
		if e.Date.Year == d.year {
			d.events[e.ID] = true
		}
	}
	for _, x := range f.disputes {
		if x.Since.IsZero() || x.Since.Year <= d.year {
			d.disputes[x.ID] = true
		}
	}
	for i, sts := range f.stances {
		for _, st := range sts {
			if !st.Period.IsZero() && st.Period.ContainsYear(d.year) {
				d.stances[i][st.ID] = true
			}
		}
	}
}

func isParty(x *graph.Dispute, state string) bool {
	return slices.ContainsFunc(x.Parties, func(p graph.Party) bool { return p.State == state })
}

// row totals the cell.
func (d *dyadYear) row(ds *graph.Dataset) PanelRow {
	row := PanelRow{
		CCode1: d.side[0].COW, CCode2: d.side[1].COW, ISO1: d.side[0].ID, ISO2: d.side[1].ID, Year: d.year,
		Events: len(d.events), Disputes: len(d.disputes), Stances1: len(d.stances[0]), Stances2: len(d.stances[1]),
	}
	for id := range d.relations {
		row.Relations = append(row.Relations, id)
	}
	slices.Sort(row.Relations)
	for c := range d.claims {
		w := Weight(c, ds)
		if c.Effect == graph.Strengthens {
			row.Strengthening++
			row.Balance += w
		} else {
			row.Weakening++
			row.Balance -= w
		}
	}
	return row
}

// swapped returns the row in the other order.
func (r PanelRow) swapped() PanelRow {
	r.CCode1, r.CCode2 = r.CCode2, r.CCode1
	r.ISO1, r.ISO2 = r.ISO2, r.ISO1
	r.Stances1, r.Stances2 = r.Stances2, r.Stances1
	return r
}

// sideKey identifies a side of a dyad: its COW code, or its ISO code when
// it has none.
func sideKey(s *graph.State) string {
	if s.COW != 0 {
		return "cow:" + strconv.Itoa(s.COW)
	}
	return "iso:" + s.ID
}

func sameCode(a, b *graph.State) bool { return sideKey(a) == sideKey(b) }

// stateLess orders the states of an undirected dyad: by COW code, then by
// ISO code for states without one.
func stateLess(a, b *graph.State) bool { return compareSide(a.COW, a.ID, b.COW, b.ID) < 0 }

func compareSide(c1 int, iso1 string, c2 int, iso2 string) int {
	switch {
	case c1 != 0 && c2 != 0:
		return cmp.Or(cmp.Compare(c1, c2), strings.Compare(iso1, iso2))
	case c1 != 0:
		return -1
	case c2 != 0:
		return 1
	}
	return strings.Compare(iso1, iso2)
}

// Record returns the row as CSV fields in the order of PanelColumns; a
// missing COW code is an empty field (NA in R and pandas).
func (r PanelRow) Record() []string {
	code := func(c int) string {
		if c == 0 {
			return ""
		}
		return strconv.Itoa(c)
	}
	itoa := strconv.Itoa
	return []string{
		code(r.CCode1), code(r.CCode2), r.ISO1, r.ISO2, itoa(r.Year), strings.Join(r.Relations, " "),
		itoa(r.Strengthening), itoa(r.Weakening), strconv.FormatFloat(r.Balance, 'f', -1, 64),
		itoa(r.Events), itoa(r.Disputes), itoa(r.Stances1), itoa(r.Stances2),
	}
}

// WritePanelCSV writes rows as CSV with a header line.
func WritePanelCSV(w io.Writer, rows []PanelRow) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(PanelColumns); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(r.Record()); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
