package dynamics_test

import (
	"testing"

	"github.com/dyad-kg/dyad/graph"
)

func ent(id, name string) graph.Entity { return graph.Entity{ID: id, Name: name} }

func year(y int) graph.Date { return graph.Date{Year: y} }

func argued(src string) graph.Citation {
	return graph.Citation{Source: src, Locator: "p. 1", Mode: graph.Argued}
}

func reported(src string) graph.Citation {
	return graph.Citation{Source: src, Locator: "p. 1", Mode: graph.Reported}
}

// fixture is a small dataset whose yearly series can be worked out by hand:
// the Soviet Union until 1991, Russia from 1991, Japan and China; claims on
// RUS-JPN of every weight, an undated one, one on another relation, a
// drives claim; events inside and outside the span.
func fixture(t testing.TB) *graph.Dataset {
	t.Helper()
	ds := &graph.Dataset{
		States: []*graph.State{
			{Entity: ent("SUN", "Soviet Union"), COW: 365, Existed: graph.Period{From: year(1922), To: graph.Date{Year: 1991, Month: 12, Day: 26}}},
			{Entity: graph.Entity{ID: "RUS", Name: "Russia", Aliases: []string{"Russian Federation"}}, COW: 365, Predecessors: []string{"SUN"},
				Existed: graph.Period{From: graph.Date{Year: 1991, Month: 12, Day: 26}}},
			{Entity: ent("JPN", "Japan"), COW: 740},
			{Entity: ent("CHN", "China"), COW: 710, Existed: graph.Period{From: year(1949)}},
		},
		Relations: []*graph.Relation{
			{Entity: ent("RUS-JPN", "Russia–Japan relations"), States: [2]string{"RUS", "JPN"}},
			{Entity: ent("SUN-JPN", "Soviet Union–Japan relations"), States: [2]string{"SUN", "JPN"}},
			{Entity: ent("RUS-CHN", "Russia–China relations"), States: [2]string{"RUS", "CHN"}},
		},
		Factors:  []*graph.Factor{{Entity: ent("f-trade", "Trade")}, {Entity: ent("f-islands", "The islands")}},
		Disputes: []*graph.Dispute{{Entity: ent("kurils", "Kuril dispute"), Since: year(1945), Parties: []graph.Party{{State: "JPN"}, {State: "SUN"}, {State: "RUS"}}}},
		Stances: []*graph.Stance{
			{Entity: ent("st-rus-to-jpn", "Russia courts Japan"), Holder: "RUS", Toward: []string{"JPN"}, Period: graph.Period{From: year(1992), To: year(1993)}},
			{Entity: ent("st-jpn-to-rus", "Japan's sanctions line"), Holder: "JPN", Toward: []string{"RUS"}, Period: graph.Period{From: year(1994)}},
			{Entity: ent("st-undated", "Undated stance"), Holder: "JPN", Toward: []string{"RUS"}},
		},
		Events: []*graph.Event{
			{Entity: ent("e-summit", "Summit"), Date: graph.Date{Year: 1993, Month: 10, Day: 13}, Kind: graph.EventSummit, States: []string{"RUS", "JPN"}},
			{Entity: ent("e-war", "A war elsewhere"), Date: graph.Date{Year: 1995, Month: 2}, Kind: graph.EventWar, States: []string{"RUS", "CHN"}},
			{Entity: ent("e-declaration", "Declaration"), Date: year(1956), Kind: graph.EventTreaty, States: []string{"SUN", "JPN"}},
			{Entity: ent("e-late", "Late visit"), Date: year(2001), Kind: graph.EventVisit, States: []string{"JPN", "RUS"}},
		},
		Claims: []*graph.Claim{
			// 1992–: one argued source: 1.
			{ID: "c-trade", Subject: "f-trade", Effect: graph.Strengthens, Object: "RUS-JPN",
				Period: graph.Period{From: year(1992)}, Evidence: []graph.Citation{argued("a")}},
			// 1993–1994: argued and reported by another source: 1.5.
			{ID: "c-summit", Subject: "e-summit", Effect: graph.Strengthens, Object: "RUS-JPN",
				Period: graph.Period{From: graph.Date{Year: 1993, Month: 10}, To: year(1994)}, Evidence: []graph.Citation{argued("a"), reported("b")}},
			// –1993: reported only, contested: 0.75 × 0.5 = 0.375.
			{ID: "c-islands", Subject: "f-islands", Effect: graph.Weakens, Object: "RUS-JPN",
				Period: graph.Period{To: year(1993)}, Evidence: []graph.Citation{reported("b")}, ContestedBy: []graph.Citation{argued("c")}},
			// 1995–: the war, three sources, one of them cited twice: 2.
			{ID: "c-war", Subject: "e-war", Effect: graph.Weakens, Object: "RUS-JPN",
				Period: graph.Period{From: year(1995)}, Evidence: []graph.Citation{argued("a"), argued("b"), reported("c"), reported("a")}},
			// Undated: in no year.
			{ID: "c-undated", Subject: "f-islands", Effect: graph.Weakens, Object: "RUS-JPN", Evidence: []graph.Citation{argued("a")}},
			// Not direct claims on RUS-JPN.
			{ID: "c-drives", Subject: "f-islands", Effect: graph.Drives, Object: "f-trade",
				Period: graph.Period{From: year(1992)}, Evidence: []graph.Citation{argued("a")}},
			{ID: "c-china", Subject: "f-trade", Effect: graph.Strengthens, Object: "RUS-CHN",
				Period: graph.Period{From: year(1994)}, Evidence: []graph.Citation{argued("a")}},
			{ID: "c-soviet", Subject: "e-declaration", Effect: graph.Strengthens, Object: "SUN-JPN",
				Period: graph.Period{From: year(1956)}, Evidence: []graph.Citation{argued("a")}},
		},
	}
	return ds
}
