package queries

import "github.com/dyad-kg/dyad/graph"

// Phrasing says which plain-English questions select a catalog question.
// Each question's file declares its own; the parser reads them all.
type Phrasing struct {
	// Words are the keyword stems the question's rules look for; a stem
	// matches a word it begins, or, ending in $, only itself. The parser
	// also uses them to tell question words from misspelt names.
	Words []string
	// Rules say when the question is meant. The parser tries every rule of
	// the catalog in priority order (lower first) and takes the first that
	// holds.
	Rules []Rule
	// Bind sets the parameters from the clues; nil sets A and B from the
	// first two states named.
	Bind func(c *Clues, p *Params)
	// Fewer is the question to ask instead when fewer states are named than
	// this one needs ("what weakened Russia's relations?" compares them).
	Fewer Name
}

// Rule is one condition under which a question is meant.
type Rule struct {
	Priority int
	When     func(c *Clues) bool
}

// Clues are what the parser read in a question.
type Clues struct {
	// Words are the question's words outside names, normalised.
	Words []string
	// States are the states named, in order, once each; Counts says how
	// often each was named and Possessive which were written "Russia's".
	States     []string
	Counts     map[string]int
	Possessive []string
	// Node and Source are the first node (event, factor...) and source
	// named; Region is a region named where no factor or dispute stands for
	// it ("the role of the Far East in Russia–China relations").
	Node, Source, Region string
	// NodeLabel is the kind of Node.
	NodeLabel graph.Label
	// From, To and Depth are the period and chain length asked for.
	From, To, Depth int
	// Contrast is set for "A rather than B" questions: the state chosen,
	// the one passed over, and the hub both are partners of.
	Contrast *ContrastClue
	// kindClues are the event class, direction and pivot year (clues_kinds.go).
	kindClues

	toks      []token
	mentions  []mention
	inMention []bool
}

// has reports whether a word of the question matches a stem of set.
func (c *Clues) has(set []string) bool { return hasWord(c.Words, set) }

// first returns which of the stem sets occurs first in the question.
func (c *Clues) first(sets ...[]string) int { return firstOf(c.Words, sets...) }

// effectWords reports whether the question speaks of weakening or
// strengthening.
func (c *Clues) effectWords() bool { return c.has(weakWords) || c.has(strongWords) }
