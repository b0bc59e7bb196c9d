package queries

import (
	"slices"

	"github.com/dyad-kg/dyad/graph"
)

// ContrastClue is what a contrast question names: Hub chose Chosen rather
// than Passed ("Why did China rather than Japan become Russia's partner?").
type ContrastClue struct {
	Hub, Chosen, Passed string
}

// contrastMarkers introduce the state passed over: "rather than Japan",
// "instead of Japan", "and not Japan", "over Tokyo", "not Japan".
var contrastMarkers = [][]string{{"rather", "than"}, {"instead", "of"}, {"and", "not"}, {"but", "not"}, {"not"}, {"over"}, {"ahead", "of"}, {"in", "preference", "to"}}

// contrastMarker returns the token index after a contrast marker that is
// followed by a state's name (directly, or after "to", "with" or "on":
// "rather than to Tokyo"), or -1.
func contrastMarker(toks []token, inMention []bool) int {
	for i := range toks {
		for _, m := range contrastMarkers {
			j := i + len(m)
			if j+1 < len(toks) && !inMention[j] && slices.Contains([]string{"to", "with", "on"}, toks[j].text) {
				j++
			}
			if j >= len(toks) || !inMention[j] {
				continue
			}
			match := true
			for k, w := range m {
				match = match && !inMention[i+k] && toks[i+k].text == w
			}
			if match {
				return j
			}
		}
	}
	return -1
}

// contrastClues fills c.Contrast when the question sets one state against
// another: the state named right after the marker is passed over, the other
// named state is chosen, and the hub is the state written as a possessive
// ("Russia's partner"), else the third state named, else the one state that
// has relations with both.
func (p *parser) contrastClues(c *Clues) {
	j := contrastMarker(c.toks, c.inMention)
	if j < 0 {
		return
	}
	passed := ""
	for _, m := range c.mentions {
		if m.start == j && p.ents[m.ents[0]].Label == graph.LabelState {
			passed = p.ents[m.ents[0]].ID
		}
	}
	if passed == "" || !slices.Contains(c.States, passed) {
		return
	}
	var others []string
	for _, s := range c.States {
		if s != passed {
			others = append(others, s)
		}
	}
	hub, chosen := p.hubAndChosen(others, c.Possessive, passed, c.has(choiceWords))
	if hub == "" || chosen == "" {
		return
	}
	if c.has([]string{"fail"}) {
		// "Why did Japan, not China, fail to become Russia's partner?"
		chosen, passed = passed, chosen
	}
	c.Contrast = &ContrastClue{Hub: hub, Chosen: chosen, Passed: passed}
}

// hubAndChosen picks the hub and the chosen state among the other states
// named.
func (p *parser) hubAndChosen(others, possessive []string, passed string, choice bool) (hub, chosen string) {
	for _, s := range possessive {
		if slices.Contains(others, s) {
			hub = s
		}
	}
	switch {
	case hub != "":
		for _, s := range others {
			if s != hub {
				return hub, s
			}
		}
		return "", ""
	case len(others) >= 2 && choice:
		// "Why did Moscow choose Beijing over Tokyo?": the chooser first.
		return others[0], others[1]
	case len(others) >= 2:
		// "Why China rather than Japan for Russia?", "Why did Russia
		// partner with China instead of Japan?": the hub is the state with
		// more relations in the graph (the one whose partners are being
		// compared), the first named if they tie.
		if p.rels[others[1]] > p.rels[others[0]] {
			return others[1], others[0]
		}
		return others[0], others[1]
	case len(others) == 1:
		// "Why China and not Japan?": the state related to both, the one
		// with the most relations if several are (Russia before the Soviet
		// Union).
		best, n, tie := "", -1, false
		for _, e := range p.ents {
			if e.Label != graph.LabelState || e.ID == others[0] || e.ID == passed ||
				!p.pair[[2]string{e.ID, others[0]}] || !p.pair[[2]string{e.ID, passed}] {
				continue
			}
			switch r := p.rels[e.ID]; {
			case r > n:
				best, n, tie = e.ID, r, false
			case r == n:
				tie = true
			}
		}
		if best != "" && !tie {
			return best, others[0]
		}
	}
	return "", ""
}

// choiceWords make the first state named the one choosing.
var choiceWords = []string{"chose", "choose", "prefer", "pick", "favour", "favor", "opt", "select"}
