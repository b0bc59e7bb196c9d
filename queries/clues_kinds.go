package queries

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"

	"github.com/dyad-kg/dyad/graph"
)

// kindClues are the clues the question kinds of effects, turning and
// change read: a class of events ("Japan's sanctions"), the state whose
// events they are, and a pivot year ("after 2014").
type kindClues struct {
	// EventKind is an event kind named as a class (graph.EventKinds), and
	// Actor the state named just before it ("Japan's sanctions").
	EventKind, Actor string
	// Pivot is the year after "after", "since", "before", "post" or "pre".
	Pivot int
}

// eventKindWords maps the words for a class of events to their kind.
var eventKindWords = map[string]graph.EventKind{
	"sanction": graph.EventSanctions, "sanctions": graph.EventSanctions,
	"summit": graph.EventSummit, "summits": graph.EventSummit,
	"visit": graph.EventVisit, "visits": graph.EventVisit,
	"treaty": graph.EventTreaty, "treaties": graph.EventTreaty,
	"agreement": graph.EventAgreement, "agreements": graph.EventAgreement,
	"statement": graph.EventStatement, "statements": graph.EventStatement,
	"war": graph.EventWar, "wars": graph.EventWar,
}

// pluralKinds are the words that name several events ("China's 2001
// treaties"), so a year does not narrow them to one; "sanctions" names one
// package as well as several.
var pluralKinds = map[string]bool{"summits": true, "visits": true, "treaties": true, "agreements": true, "statements": true, "wars": true}

// kindWordList is eventKindWords' words, for the parser's vocabulary.
func kindWordList() []string {
	var out []string
	for w := range eventKindWords {
		out = append(out, w+"$")
	}
	slices.Sort(out)
	return out
}

var rePivot = regexp.MustCompile(`\b(?:after|since|before|post|pre|around)\s*-?\s*(?:the\s+)?(?:year\s+)?(\d{4})\b`)

// readKindClues reads the clues of kindClues; it also resolves the thing
// asked about in "what did X do to ..." and an event named by a region and
// a word ("the Crimea annexation"). It reports a name it cannot resolve.
func (p *parser) readKindClues(c *Clues, lower string) error {
	if m := rePivot.FindStringSubmatch(lower); m != nil {
		c.Pivot, _ = strconv.Atoi(m[1])
	}
	p.eventClass(c)
	p.regionEvent(c)
	if c.Node != "" || c.EventKind != "" {
		return nil
	}
	s, e := doToPhrase(c.toks)
	if s < 0 && c.has(backWords) {
		s, e = thatPhrase(c.toks)
	}
	if s < 0 || p.onlyStates(c.toks[s:e]) {
		return nil
	}
	id, ok := p.fuzzyNode(c.toks[s:e], true)
	if !ok {
		return p.unknownPhrase(c.toks[s:e])
	}
	c.Node, c.NodeLabel = id, p.ents[p.index(id)].Label
	p.nameWords(s, e)
	outside := func(m mention) bool { return m.start >= s && m.end <= e }
	c.States, c.Counts, c.Possessive = p.states(c.toks, c.mentions, outside)
	return nil
}

// eventClass finds a class of events: a kind word outside names, with the
// state named just before it (a year may stand between: "Japan's 2014
// sanctions") as the actor. A class with a year that only one event fits
// (of that kind and year, the actor's or involving the question's states)
// names that event, unless the word is plural: "the 2014 sanctions" is
// Japan's sanctions over Crimea; "China's 2001 treaties" stay a class.
func (p *parser) eventClass(c *Clues) {
	for i, t := range c.toks {
		k, ok := eventKindWords[t.text]
		if !ok || c.inMention[i] {
			continue
		}
		c.EventKind = string(k)
		j, year := i-1, 0
		for j >= 0 && !c.inMention[j] && isYear(c.toks[j].text) {
			year, _ = strconv.Atoi(c.toks[j].text)
			j--
		}
		named := false
		for _, m := range c.mentions {
			switch {
			case j < 0 || m.end != j+1:
			case p.ents[m.ents[0]].Label == graph.LabelState:
				c.Actor = p.actor(m, c.States)
			default:
				named = true // "the Shanghai Five treaty": part of a name
			}
		}
		if named {
			c.EventKind = ""
			continue
		}
		if id := p.onlyEvent(c, year); id != "" && !pluralKinds[t.text] {
			c.Node, c.NodeLabel, c.EventKind, c.Actor = id, graph.LabelEvent, "", ""
			p.nameWords(j+1, i+1) // "the 2014 sanctions": the year is used
		}
		return
	}
}

// onlyEvent is the one event of c's kind in year that the actor took part
// in (as an actor, when the event names them), or else that involves every
// state the question names; "" if none or several, or no year.
func (p *parser) onlyEvent(c *Clues, year int) string {
	if year == 0 {
		return ""
	}
	found := ""
	for i := range p.ents {
		e := &p.ents[i]
		if e.Label != graph.LabelEvent || e.Kind != c.EventKind || e.Year != year || !p.fits(e, c) {
			continue
		}
		if found != "" {
			return ""
		}
		found = e.ID
	}
	return found
}

// fits reports whether event e is the actor's (or, with no actor, involves
// every state c names).
func (p *parser) fits(e *Entity, c *Clues) bool {
	if c.Actor != "" {
		if len(e.Actors) > 0 {
			return slices.Contains(e.Actors, c.Actor)
		}
		return slices.Contains(e.Involves, c.Actor)
	}
	for _, s := range c.States {
		if !slices.Contains(e.Involves, s) {
			return false
		}
	}
	return true
}

// actor is the state a mention names, as the parser resolved it.
func (p *parser) actor(m mention, states []string) string {
	for _, i := range m.ents {
		if slices.Contains(states, p.ents[i].ID) {
			return p.ents[i].ID
		}
	}
	return p.ents[m.ents[0]].ID
}

func isYear(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1000 && n <= 2999
}

// regionEvent prefers an event to a region's dispute when the region is
// named with a word that, with it, names an event ("the Crimea annexation":
// the annexation, not the Crimea dispute).
func (p *parser) regionEvent(c *Clues) {
	for _, m := range c.mentions {
		switch p.ents[m.ents[0]].Label {
		case graph.LabelState, graph.LabelRelation, graph.LabelSource:
			continue
		case graph.LabelRegion:
		default:
			return // the node named first is not a region
		}
		for _, r := range [][2]int{{m.start, m.end + 1}, {m.start - 1, m.end}} {
			if r[0] < 0 || r[1] > len(c.toks) || isVocab(c.toks[r[0]].text) || isVocab(c.toks[r[1]-1].text) {
				continue
			}
			if id, ok := p.fuzzyNode(c.toks[r[0]:r[1]], false); ok && p.ents[p.index(id)].Label == graph.LabelEvent {
				c.Node, c.NodeLabel = id, graph.LabelEvent
				return
			}
		}
		return
	}
}

// doToPhrase finds X in "what did X do to ...", "what has X done to ...":
// its token range, or -1s.
func doToPhrase(toks []token) (int, int) {
	aux := []string{"did", "does", "do", "has", "have", "had", "would", "will"}
	for i := 0; i+2 < len(toks); i++ {
		if !slices.Contains(aux, toks[i].text) {
			continue
		}
		for j := i + 2; j+1 < len(toks); j++ {
			if (toks[j].text == "do" || toks[j].text == "done") && toks[j+1].text == "to" {
				return i + 1, j
			}
		}
	}
	return -1, -1
}

// thatPhrase finds X in "the claim that X weakened ...", "evidence that X
// hurt ...": its token range, or -1s.
func thatPhrase(toks []token) (int, int) {
	verbs := append(append([]string{"affect", "drove", "drive", "driv", "foster", "caus", "led", "lead", "shape", "influenc"}, weakWords...), strongWords...)
	for i, t := range toks {
		if t.text != "that" {
			continue
		}
		for j := i + 2; j < len(toks); j++ {
			if hasWord([]string{toks[j].text}, verbs) {
				return i + 1, j
			}
		}
	}
	return -1, -1
}

// checkKinds reports an event kind Dyad does not know, and a sign that is
// not -1, 0 or 1.
func checkKinds(p *Params) error {
	if p.Kind != "" && !slices.Contains(graph.EventKinds, graph.EventKind(p.Kind)) {
		return fmt.Errorf("%w: kind %q: want one of %v", ErrInvalidParam, p.Kind, graph.EventKinds)
	}
	if p.Sign < -1 || p.Sign > 1 {
		return fmt.Errorf("%w: sign %d: want -1 (weakened), 1 (strengthened) or 0 (either)", ErrInvalidParam, p.Sign)
	}
	return nil
}
