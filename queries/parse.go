package queries

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/suggest"
)

// Request is a parsed question: the catalog query to run and its parameters.
type Request struct {
	Query  Name   `json:"query"`
	Params Params `json:"params"`
}

// ErrUnknownQuestion is returned for a question Parse cannot map to the
// catalog; its message lists the forms understood.
var ErrUnknownQuestion error = unknownQuestion{}

type unknownQuestion struct{}

func (unknownQuestion) ErrorCode() graph.Code { return graph.EINVALID }

func (unknownQuestion) Error() string {
	var b strings.Builder
	b.WriteString("question not understood; dyad answers questions like these (names of states, regions, events, factors, stances and disputes may vary):")
	for _, q := range Catalog {
		fmt.Fprintf(&b, "\n  %s", q.Ask)
	}
	b.WriteString("\nadd \"in 2005\", \"between 1992 and 2001\", \"since 2012\" or \"before 2000\" for a period, \"directly\" for direct causes only")
	return b.String()
}

// UnknownNameError reports a name in a question that matches no entity.
type UnknownNameError struct {
	Name string
	// Suggestion is the closest known name, if any is close.
	Suggestion string
}

// ErrorCode reports an unknown name as invalid input.
func (e *UnknownNameError) ErrorCode() graph.Code { return graph.EINVALID }

func (e *UnknownNameError) Error() string {
	if e.Suggestion != "" {
		return fmt.Sprintf("unknown name %q (did you mean %q?)", e.Name, e.Suggestion)
	}
	return fmt.Sprintf("unknown name %q", e.Name)
}

// Parse maps a plain-English question to a catalog query, resolving the
// names in it (ids, names, aliases, capitals and adjectives, in any case)
// against ents. It is deterministic: a few keyword sets decide the question,
// and the longest name matches decide its parameters.
func Parse(question string, ents []Entity) (Request, error) {
	p := newParser(ents)
	return p.parse(question)
}

// token is a word of the question, normalised: lower case, periods and
// possessive 's removed.
type token struct {
	text   string // normalised
	orig   string // as written, periods removed
	joined bool   // joined to the previous token by a dash or slash
	poss   bool   // written as a possessive ("Russia's")
}

// mention is a run of tokens naming an entity.
type mention struct {
	start, end int   // token range
	ents       []int // candidate entities, best first
}

type term struct {
	ent  int
	rank int  // 0 id or name, 1 alias, 2 adjective, 3 capital
	caps bool // match case-sensitively (short all-caps aliases such as "US")
}

type parser struct {
	ents   []Entity
	terms  map[string][]term
	maxLen int
	names  []string // every name and alias, for suggestions
	// rels counts each state's relations; pair holds the related pairs.
	rels map[string]int
	pair map[[2]string]bool
}

func newParser(ents []Entity) *parser {
	p := &parser{ents: ents, terms: map[string][]term{}, rels: map[string]int{}, pair: map[[2]string]bool{}}
	add := func(i int, s string, rank int) {
		toks := tokenize(s)
		if len(toks) == 0 {
			return
		}
		k := joinTokens(toks)
		caps := len([]rune(s)) <= 2 && strings.ToUpper(s) == s && strings.ToLower(s) != s
		for _, t := range p.terms[k] {
			if t.ent == i {
				return
			}
		}
		p.terms[k] = append(p.terms[k], term{ent: i, rank: rank, caps: caps})
		p.maxLen = max(p.maxLen, len(toks))
	}
	for i, e := range ents {
		if e.Label == graph.LabelRelation && len(e.States) == 2 {
			p.rels[e.States[0]]++
			p.rels[e.States[1]]++
			p.pair[[2]string{e.States[0], e.States[1]}] = true
			p.pair[[2]string{e.States[1], e.States[0]}] = true
		}
		add(i, e.ID, 0)
		add(i, e.Name, 0)
		for _, a := range e.Aliases {
			add(i, a, 1)
		}
		for _, a := range e.Adjectives {
			add(i, a, 2)
		}
		if e.Capital != "" {
			add(i, e.Capital, 3)
			// "Washington, D.C." is also "Washington".
			if c, _, ok := strings.Cut(e.Capital, ","); ok {
				add(i, c, 3)
			}
		}
		if e.Label != graph.LabelSource {
			p.names = append(p.names, e.Name)
			p.names = append(p.names, e.Aliases...)
			p.names = append(p.names, e.Adjectives...)
			if e.Capital != "" {
				p.names = append(p.names, e.Capital)
			}
		}
	}
	return p
}

// tokenize splits s into words at anything but letters, digits, periods and
// apostrophes, and drops "the".
func tokenize(s string) []token {
	s = strings.NewReplacer("’", "'", "‘", "'").Replace(s)
	var out []token
	var cur []rune
	joined, sepJoin := false, false
	flush := func() {
		if len(cur) == 0 {
			return
		}
		w := strings.Trim(string(cur), "'.")
		cur = cur[:0]
		poss := false
		if l := strings.ToLower(w); strings.HasSuffix(l, "'s") {
			w, poss = w[:len(w)-2], true
		} else if strings.HasSuffix(w, "'") {
			w, poss = strings.TrimSuffix(w, "'"), true
		}
		w = strings.ReplaceAll(w, ".", "")
		if w == "" {
			return
		}
		l := strings.ToLower(w)
		if l == "the" {
			return
		}
		out = append(out, token{text: l, orig: w, joined: joined && len(out) > 0, poss: poss})
		joined = false
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '.':
			if len(cur) == 0 {
				joined, sepJoin = sepJoin, false
			}
			cur = append(cur, r)
		default:
			flush()
			if strings.ContainsRune("-–—/", r) {
				sepJoin = true
			} else if !unicode.IsSpace(r) {
				sepJoin = false
			}
		}
	}
	flush()
	return out
}

func joinTokens(ts []token) string {
	ws := make([]string, len(ts))
	for i, t := range ts {
		ws[i] = t.text
	}
	return strings.Join(ws, " ")
}

// labelRank orders entities that share a name: states first, then what
// a question is most likely about (graph.Kind.Prefer).
func labelRank(l graph.Label) int {
	if k := graph.KindOf(l); k != nil {
		return k.Prefer
	}
	return len(graph.Labels)
}

// scan finds the longest name matches in toks, left to right.
func (p *parser) scan(toks []token) []mention {
	var out []mention
	for i := 0; i < len(toks); {
		m := p.matchAt(toks, i)
		if m == nil {
			i++
			continue
		}
		out = append(out, *m)
		i = m.end
	}
	return out
}

func (p *parser) matchAt(toks []token, i int) *mention {
	for j := min(len(toks), i+p.maxLen); j > i; j-- {
		ts, ok := p.terms[joinTokens(toks[i:j])]
		if !ok {
			continue
		}
		var cands []term
		for _, t := range ts {
			if t.caps && (j-i != 1 || strings.ToUpper(toks[i].orig) != toks[i].orig) {
				continue
			}
			cands = append(cands, t)
		}
		if len(cands) == 0 {
			continue
		}
		slices.SortStableFunc(cands, func(x, y term) int {
			if x.rank != y.rank {
				return x.rank - y.rank
			}
			ex, ey := p.ents[x.ent], p.ents[y.ent]
			if lx, ly := labelRank(ex.Label), labelRank(ey.Label); lx != ly {
				return lx - ly
			}
			return strings.Compare(ex.ID, ey.ID)
		})
		m := &mention{start: i, end: j}
		best := cands[0].rank
		for _, c := range cands {
			if c.rank == best {
				m.ents = append(m.ents, c.ent)
			}
		}
		return m
	}
	return nil
}

// neutralWords ask about causes without a sign ("what shaped...").
var neutralWords = []string{"factor", "affect", "influenc", "shape", "shaping", "drove", "drive", "driv", "cause", "explain", "why", "effect", "impact", "determin", "matter", "behind"}

// stopWords are question words that are never names.
var stopWords = strings.Fields(`a an and any are as at be been being both but by can could did do does
during each for from give had has have hold held how i in into is it its list me most my of on or
other others over per show since so some tell than that their them then these they this those to
until up was were what when where which who whom why will with would you your after before between
as of about among relations relation relationship relationships ties tie bilateral factors factor
causes cause reasons reason things thing made make makes each main key biggest major countries
country states state nations nation side sides claims claim source sources article say says said
directly direct indirect indirectly year years steps step depth not no only just drive drove driven
brought bring push pushed keep kept did find finds all more much many has why party parties matter
matters role play played during there here`)

func hasWord(words []string, stems []string) bool {
	for _, s := range stems {
		if strings.Contains(s, " ") {
			if strings.Contains(" "+strings.Join(words, " ")+" ", " "+s) {
				return true
			}
			continue
		}
		exact, ok := strings.CutSuffix(s, "$")
		for _, w := range words {
			if ok && w == exact || !ok && strings.HasPrefix(w, s) {
				return true
			}
		}
	}
	return false
}

func isVocab(w string) bool {
	if slices.Contains(stopWords, w) {
		return true
	}
	if _, err := strconv.Atoi(strings.TrimSuffix(w, "s")); err == nil {
		return true
	}
	sets := [][]string{neutralWords}
	for _, q := range Catalog {
		sets = append(sets, q.Phrasing.Words)
	}
	for _, set := range sets {
		for _, s := range set {
			if !strings.Contains(s, " ") && hasWord([]string{w}, []string{s}) {
				return true
			}
		}
	}
	return false
}

// Periods: "between 1992 and 2001", "from 1992 to 2001", "1992–2001", "in
// the 1990s", "in/as of/during 2005", "after/since 2012", "before/until 2000".
var (
	reRange  = regexp.MustCompile(`\b(?:between|from)\s+(\d{4})\s+(?:and|to|until|till|through|thru)\s+(\d{4})\b|\b(\d{4})\s*[-–—]\s*(\d{4})\b`)
	reDecade = regexp.MustCompile(`\b(\d{3})0s\b`)
	reFrom   = regexp.MustCompile(`\b(?:after|since|from|starting in|beginning in|post)\s+(?:the\s+)?(?:year\s+)?(\d{4})\b`)
	reTo     = regexp.MustCompile(`\b(?:before|until|till|up to|prior to|pre)\s+(?:the\s+)?(?:year\s+)?(\d{4})\b`)
	reAt     = regexp.MustCompile(`\b(?:in|as of|during|at|around|circa)\s+(?:the\s+)?(?:year\s+)?(\d{4})\b`)
	reDepth  = regexp.MustCompile(`\b(?:up to|within|at most|depth)\s+(\d|one|two|three)\b|\b(\d|one|two|three)\s+(?:steps?|hops?|links?)\b`)
)

var numberWords = map[string]int{"one": 1, "two": 2, "three": 3}

func period(q string) (from, to int) {
	year := func(s string) int { n, _ := strconv.Atoi(s); return n }
	if m := reRange.FindStringSubmatch(q); m != nil {
		if m[1] != "" {
			return year(m[1]), year(m[2])
		}
		return year(m[3]), year(m[4])
	}
	if m := reDecade.FindStringSubmatch(q); m != nil {
		d := year(m[1]) * 10
		return d, d + 9
	}
	if m := reFrom.FindStringSubmatch(q); m != nil {
		from = year(m[1])
	}
	if m := reTo.FindStringSubmatch(q); m != nil {
		to = year(m[1])
	}
	if from == 0 && to == 0 {
		if m := reAt.FindStringSubmatch(q); m != nil {
			from, to = year(m[1]), year(m[1])
		}
	}
	return from, to
}

func depth(words []string, q string) int {
	if slices.Contains(words, "directly") || slices.Contains(words, "direct") || slices.Contains(words, "immediate") {
		return 1
	}
	if m := reDepth.FindStringSubmatch(q); m != nil {
		s := m[1] + m[2]
		if n, ok := numberWords[s]; ok {
			return n
		}
		n, _ := strconv.Atoi(s)
		return n
	}
	return 0
}

func (p *parser) parse(question string) (Request, error) {
	c, err := p.clues(question)
	if err != nil {
		return Request{}, err
	}
	q, err := p.choose(c)
	if err != nil {
		return Request{}, err
	}
	req := Request{Query: q.Name, Params: Params{From: c.From, To: c.To, Depth: c.Depth}}
	bind := q.Phrasing.Bind
	if bind == nil {
		bind = bindPair
	}
	bind(c, &req.Params)
	return req, nil
}

// clues reads what a question names and says: its words outside names,
// the states, node, source and region it names, its period and depth.
func (p *parser) clues(question string) (*Clues, error) {
	toks := tokenize(question)
	if len(toks) == 0 {
		return nil, ErrUnknownQuestion
	}
	c := &Clues{toks: toks, mentions: p.scan(toks)}
	c.inMention = make([]bool, len(toks))
	for _, m := range c.mentions {
		for i := m.start; i < m.end; i++ {
			c.inMention[i] = true
		}
	}
	for i, t := range toks {
		if !c.inMention[i] {
			c.Words = append(c.Words, t.text)
		}
	}
	if err := negated(c.Words); err != nil {
		return nil, err
	}
	p.named(c)
	phrase, err := p.loosePhrase(c)
	if err != nil {
		return nil, err
	}
	if err := p.checkNames(toks, c.inMention, phrase); err != nil {
		return nil, err
	}
	inPhrase := func(m mention) bool { return m.start >= phrase[0] && m.end <= phrase[1] && phrase[0] >= 0 }
	c.States, c.Counts, c.Possessive = p.states(toks, c.mentions, inPhrase)
	p.regionClue(c)
	if i := p.index(c.Node); i >= 0 {
		c.NodeLabel = p.ents[i].Label
	}
	lower := strings.ToLower(strings.NewReplacer("–", "-", "—", "-").Replace(question))
	c.From, c.To = period(lower)
	c.Depth = depth(c.Words, lower)
	return c, p.readKindClues(c, lower)
}

// negated refuses negated questions ("what didn't weaken...", "not
// directly"), which would otherwise be answered as if they were positive.
func negated(words []string) error {
	for _, w := range words {
		if w == "not" || w == "never" || w == "without" || strings.HasSuffix(w, "n't") {
			return fmt.Errorf("%w\n(negations such as %q are not understood: ask what did happen)", ErrUnknownQuestion, w)
		}
	}
	return nil
}

// named sets the first node and source the question names.
func (p *parser) named(c *Clues) {
	for _, m := range c.mentions {
		e := p.ents[m.ents[0]]
		switch e.Label {
		case graph.LabelState, graph.LabelRelation:
		case graph.LabelSource:
			if c.Source == "" {
				c.Source = e.ID
			}
		default:
			if c.Node == "" {
				c.Node = e.ID
			}
		}
	}
}

// loosePhrase resolves a node named loosely ("how did the 2022 invasion
// affect ..."): it returns the phrase's token range, or -1s.
func (p *parser) loosePhrase(c *Clues) ([2]int, error) {
	none := [2]int{-1, -1}
	if c.Node != "" {
		return none, nil
	}
	s, e := nodePhrase(c.toks)
	if s < 0 || p.onlyStates(c.toks[s:e]) {
		return none, nil
	}
	id, ok := p.fuzzyNode(c.toks[s:e])
	if !ok {
		return none, p.unknownPhrase(c.toks[s:e])
	}
	c.Node = id
	return [2]int{s, e}, nil
}

// regionClue handles a region named as the node: regions start no causal
// claims, so "the role of Central Asia" follows the one factor or dispute
// named after the region, else asks which regions matter to the relation.
func (p *parser) regionClue(c *Clues) {
	i := p.index(c.Node)
	if i < 0 || p.ents[i].Label != graph.LabelRegion {
		return
	}
	if cause, ok := p.regionCause(i); ok {
		c.Node = cause
	} else if len(c.States) >= 2 {
		c.Region = c.Node
	}
}

// choose picks the catalog question the clues ask: the first rule that
// holds, by priority across the catalog; then checks it names the states
// the question needs, or falls back to the question asked with fewer.
func (p *parser) choose(c *Clues) (*Query, error) {
	q := selectQuery(c)
	if q == nil {
		return nil, ErrUnknownQuestion
	}
	need := statesNeeded(q)
	if len(c.States) < need {
		if err := p.misspelt(c.toks, c.inMention); err != nil {
			return nil, err
		}
	}
	if len(c.States) == 1 && c.Counts[c.States[0]] >= 2 && need == 2 {
		// "Russia–Russia ties", "Moscow and the Kremlin": a relation needs two states.
		return nil, fmt.Errorf("%w\n(a relation needs two different states; %s was named twice)", ErrUnknownQuestion, p.nameOf(c.States[0]))
	}
	if len(c.States) < need && len(c.States) >= 1 && q.Phrasing.Fewer != "" {
		// "What weakened Russia's relations?": every relation of Russia.
		fewer, err := Lookup(q.Phrasing.Fewer)
		if err != nil {
			return nil, err
		}
		q, need = fewer, statesNeeded(fewer)
	}
	if len(c.States) < need {
		return nil, p.missing(q, need, c.toks, c.inMention)
	}
	return q, nil
}

// selectQuery returns the question of the highest-priority rule that holds.
func selectQuery(c *Clues) *Query {
	var best *Query
	bestPri := 0
	for _, q := range Catalog {
		for _, r := range q.Phrasing.Rules {
			if (best == nil || r.Priority < bestPri) && r.When(c) {
				best, bestPri = q, r.Priority
			}
		}
	}
	return best
}

// statesNeeded counts the states q needs named: A, or A and B.
func statesNeeded(q *Query) int {
	n := 0
	for _, x := range q.Needs {
		if x == ParamA || x == ParamB {
			n++
		}
	}
	return n
}

// firstOf returns which of the stem sets occurs first in words.
func firstOf(words []string, sets ...[]string) int {
	for _, w := range words {
		for i, set := range sets {
			if hasWord([]string{w}, set) {
				return i
			}
		}
	}
	return 0
}

// states resolves the states named in the question, in order, once each,
// with how often each was named and which were possessives. A relation's
// name gives its two states, in the order written.
func (p *parser) states(toks []token, ms []mention, skip func(mention) bool) (order []string, counts map[string]int, possessive []string) {
	type ref struct {
		cands []string
		poss  bool
	}
	var refs []ref
	for _, m := range ms {
		if skip(m) {
			continue
		}
		e := p.ents[m.ents[0]]
		switch e.Label {
		case graph.LabelState:
			var c []string
			for _, i := range m.ents {
				if p.ents[i].Label == graph.LabelState {
					c = append(c, p.ents[i].ID)
				}
			}
			refs = append(refs, ref{c, toks[m.end-1].poss})
		case graph.LabelRelation:
			// The states in the order the relation's name gives them.
			inner := p.scanStates(toks[m.start:m.end])
			var got []string
			for _, c := range inner {
				for _, s := range c {
					if slices.Contains(e.States, s) && !slices.Contains(got, s) {
						got = append(got, s)
						break
					}
				}
			}
			for _, s := range e.States {
				if !slices.Contains(got, s) {
					got = append(got, s)
				}
			}
			for _, s := range got {
				refs = append(refs, ref{[]string{s}, false})
			}
		}
	}
	// Resolve shared names (Moscow: Russia or the Soviet Union) by the
	// states named with them, then by the number of relations.
	var sure []string
	for _, r := range refs {
		if len(r.cands) == 1 {
			sure = append(sure, r.cands[0])
		}
	}
	counts = map[string]int{}
	for _, r := range refs {
		s := r.cands[0]
		if len(r.cands) > 1 {
			best, score := "", -1
			for _, c := range r.cands {
				sc := p.rels[c]
				for _, o := range sure {
					if p.pair[[2]string{c, o}] {
						sc += 1000
					}
				}
				if sc > score {
					best, score = c, sc
				}
			}
			s = best
		}
		counts[s]++
		if !slices.Contains(order, s) {
			order = append(order, s)
		}
		if r.poss && !slices.Contains(possessive, s) {
			possessive = append(possessive, s)
		}
	}
	return order, counts, possessive
}

// scanStates returns the candidate states of each state name in toks.
func (p *parser) scanStates(toks []token) [][]string {
	var out [][]string
	for i := 0; i < len(toks); i++ {
		for j := min(len(toks), i+p.maxLen); j > i; j-- {
			var c []string
			for _, t := range p.terms[joinTokens(toks[i:j])] {
				if e := p.ents[t.ent]; e.Label == graph.LabelState {
					c = append(c, e.ID)
				}
			}
			if len(c) > 0 {
				out = append(out, c)
				i = j - 1
				break
			}
		}
	}
	return out
}

// nodePhrase finds the thing asked about in "how did X affect ...", "the
// role/impact/effect of X on ...": the token range of X, or -1.
func nodePhrase(toks []token) (int, int) {
	verbs := []string{"affect", "reach", "shape", "influenc", "impact", "chang", "alter", "transform", "weaken", "strengthen", "hurt", "help", "damag", "improv", "boost", "harm", "undermin", "play", "matter", "contribut", "lead", "led", "feed", "drive", "drove"}
	aux := []string{"did", "does", "do", "has", "have", "had", "would", "could", "might", "will", "can", "was", "is"}
	stop := []string{"on", "in", "for", "to", "upon", "with", "into"}
	for i := 0; i+1 < len(toks); i++ {
		switch {
		case toks[i].text == "how" && slices.Contains(aux, toks[i+1].text):
			for j := i + 2; j < len(toks); j++ {
				if hasWord([]string{toks[j].text}, verbs) {
					if j > i+2 {
						return i + 2, j
					}
					break
				}
			}
		case slices.Contains([]string{"role", "impact", "effect", "effects", "influence", "consequences", "significance", "importance", "weight"}, toks[i].text) && toks[i+1].text == "of":
			j := i + 2
			for j < len(toks) && !slices.Contains(stop, toks[j].text) {
				j++
			}
			if j > i+2 {
				return i + 2, j
			}
		}
	}
	return -1, -1
}

var phraseStop = []string{"a", "an", "of", "and", "in", "on", "to", "for", "by", "s"}

// fuzzyNode resolves a loosely named node: the one with a name or alias
// holding every word of the phrase, the shortest such name winning.
func (p *parser) fuzzyNode(phrase []token) (string, bool) {
	var words []string
	for _, t := range phrase {
		if !slices.Contains(phraseStop, t.text) {
			words = append(words, t.text)
		}
	}
	if len(words) == 0 || hasWord(words, []string{"relation", "ties", "tie"}) {
		return "", false
	}
	same := func(a, b string) bool {
		return a == b || len(a) >= 4 && len(b) >= 4 && strings.TrimSuffix(a, "s") == strings.TrimSuffix(b, "s")
	}
	bestID, bestLen, bestRank := "", 0, 0
	for k, ts := range p.terms {
		kw := strings.Fields(k)
		all := true
		for _, w := range words {
			if !slices.ContainsFunc(kw, func(x string) bool { return same(w, x) }) {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		for _, t := range ts {
			e := p.ents[t.ent]
			switch e.Label {
			case graph.LabelState, graph.LabelRelation, graph.LabelSource:
				continue
			}
			r := labelRank(e.Label)
			if bestID == "" || len(kw) < bestLen || len(kw) == bestLen && (r < bestRank || r == bestRank && e.ID < bestID) {
				bestID, bestLen, bestRank = e.ID, len(kw), r
			}
		}
	}
	return bestID, bestID != ""
}

// onlyStates reports whether the phrase is nothing but states and small
// words ("how did Russia and China grow closer").
func (p *parser) onlyStates(phrase []token) bool {
	for i := 0; i < len(phrase); {
		if m := p.matchAt(phrase, i); m != nil {
			if l := p.ents[m.ents[0]].Label; l != graph.LabelState && l != graph.LabelRelation {
				return false
			}
			i = m.end
			continue
		}
		if !isVocab(phrase[i].text) && !slices.Contains(phraseStop, phrase[i].text) {
			return false
		}
		i++
	}
	return true
}

func (p *parser) unknownPhrase(phrase []token) error {
	ws := make([]string, len(phrase))
	for i, t := range phrase {
		ws[i] = t.orig
	}
	name := strings.Join(ws, " ")
	return &UnknownNameError{Name: name, Suggestion: suggest.Closest(name, p.names)}
}

// checkNames reports a word that looks like a name but names nothing: a
// capitalised word inside the question that is close to a known name, or a
// word joined by a dash or slash to a name ("Russia–Japon").
func (p *parser) checkNames(toks []token, inMention []bool, phrase [2]int) error {
	for i, t := range toks {
		if inMention[i] || i >= phrase[0] && i < phrase[1] || isVocab(t.text) {
			continue
		}
		joined := t.joined && i > 0 && inMention[i-1] || i+1 < len(toks) && toks[i+1].joined && inMention[i+1]
		capital := i > 0 && unicode.IsUpper([]rune(t.orig)[0])
		if !joined && !capital {
			continue
		}
		s := suggest.Closest(t.orig, p.names)
		if joined || s != "" {
			return &UnknownNameError{Name: t.orig, Suggestion: s}
		}
	}
	return nil
}

// missing explains a question that names too few states: a misspelt name
// if there is one, else what the question needs.
func (p *parser) missing(q *Query, need int, toks []token, inMention []bool) error {
	if err := p.misspelt(toks, inMention); err != nil {
		return err
	}
	what := "a state"
	if need == 2 {
		what = "two states"
	}
	return fmt.Errorf("this %s question needs %s, as in %q: %w", q.Name, what, q.Ask, ErrUnknownQuestion)
}

// misspelt reports a word outside names that is close to a known name.
func (p *parser) misspelt(toks []token, inMention []bool) error {
	for i, t := range toks {
		if inMention[i] || isVocab(t.text) {
			continue
		}
		if s := suggest.Closest(t.orig, p.names); s != "" {
			return &UnknownNameError{Name: t.orig, Suggestion: s}
		}
	}
	return nil
}

func (p *parser) index(id string) int {
	if id == "" {
		return -1
	}
	for i, e := range p.ents {
		if e.ID == id {
			return i
		}
	}
	return -1
}

// regionCause returns the one factor or dispute whose name or alias holds
// the region's name or an alias ("Central Asia factor", "Northern Territories
// dispute").
func (p *parser) regionCause(region int) (string, bool) {
	var names [][]token
	for k, ts := range p.terms {
		for _, t := range ts {
			if t.ent == region {
				names = append(names, tokenize(k))
			}
		}
	}
	var found []string
	for k, ts := range p.terms {
		kt := tokenize(k)
		for _, t := range ts {
			e := p.ents[t.ent]
			if e.Label != graph.LabelFactor && e.Label != graph.LabelDispute || slices.Contains(found, e.ID) {
				continue
			}
			for _, n := range names {
				if containsRun(kt, n) {
					found = append(found, e.ID)
					break
				}
			}
		}
	}
	if len(found) != 1 {
		return "", false
	}
	return found[0], true
}

// containsRun reports whether the words of sub occur in order, together, in s.
func containsRun(s, sub []token) bool {
	return strings.Contains(" "+joinTokens(s)+" ", " "+joinTokens(sub)+" ")
}

// nameOf returns the name of the entity with id, or id.
func (p *parser) nameOf(id string) string {
	if i := p.index(id); i >= 0 {
		return p.ents[i].Name
	}
	return id
}
