package queries

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/suggest"
)

// Request is a parsed question: the catalog query to run and its
// parameters, with how the parser read the question.
type Request struct {
	Query  Name   `json:"query"`
	Params Params `json:"params"`
	// ReadAs says in words how the question was read: "what weakened
	// Russia–Japan relations, direct and indirect causes (up to 3 claims),
	// all periods".
	ReadAs string `json:"read_as"`
	// Unused names the parts of the question the answer does not use, and
	// why: a third state, a period given to a question that takes none, a
	// number that is neither a year nor a depth, words not understood.
	Unused []string `json:"unused,omitempty"`
	// Alternatives are the other questions the words also fit, nearly as
	// well; the likelier one (Query) is answered.
	Alternatives []Name `json:"alternatives,omitempty"`
}

// ErrEmptyGraph is returned when there is nothing to answer from: Neo4j
// holds no entities (dyad load has not been run).
var ErrEmptyGraph = graph.Sentinel(graph.EUNAVAILABLE, "the graph is empty: run dyad load")

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
//
// Parse returns a request that Query.Check accepts, or an error: a question
// it cannot map, an unknown name (with the closest known one), an invalid
// period or depth, characters no question needs, or ErrEmptyGraph when ents
// is empty.
func Parse(question string, ents []Entity) (Request, error) {
	if len(ents) == 0 {
		return Request{}, ErrEmptyGraph
	}
	if err := refuseCharacters(question); err != nil {
		return Request{}, err
	}
	p := parserFor(ents)
	return p.parse(question)
}

// parserFor returns a parser for ents: a copy of the one built for ents's
// entity index (indexOf caches the index of the slice last asked about, so
// a backend returning the same slice on every call builds its parser once:
// building it is most of the cost of a parse).
func parserFor(ents []Entity) *parser {
	x := indexOf(ents)
	x.parseOnce.Do(func() { x.parser = newParser(ents) })
	p := *x.parser
	return &p
}

// strayCharacters are characters no question needs: Cypher, code and
// markup punctuation ("'}) MATCH (n) DETACH DELETE n //").
const strayCharacters = "{}[]<>=`$\\|@#%^*~+;"

// refuseCharacters refuses a question holding characters no question needs,
// rather than answering what is left of it, and a question too long to be
// one.
func refuseCharacters(q string) error {
	if len(q) > 1000 {
		return graph.Errorf(graph.EINVALID, "the question is %d bytes long: ask it in fewer than 1000", len(q))
	}
	var bad []string
	for _, r := range q {
		if (strings.ContainsRune(strayCharacters, r) || unicode.IsControl(r) && !unicode.IsSpace(r) || r == utf8.RuneError) && !slices.Contains(bad, string(r)) {
			bad = append(bad, string(r))
		}
	}
	if strings.Contains(q, "//") && !slices.Contains(bad, "//") {
		bad = append(bad, "//")
	}
	if len(bad) > 0 {
		return graph.Errorf(graph.EINVALID, "the question holds characters no question needs (%s): ask in words", strings.Join(quoteAll(bad), " "))
	}
	return nil
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
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
	// keys are each entity's names and aliases, as words; nodeLen is the
	// longest name of a node that is not a state, relation or source.
	keys    [][][]string
	nodeLen int
	// nodeWords holds every word of a node's names, plurals trimmed.
	nodeWords map[string]bool
	// when and phrase are what the question being parsed says of time and
	// depth, and the token range of a node named loosely.
	when   when
	phrase [2]int
	// sourceYear is the year that picked a source among an author's.
	sourceYear string
	// naming marks the tokens outside names and the loose phrase that
	// named the node (nameWords): they are used, not stray words.
	naming []bool
	// rels counts each state's relations; pair holds the related pairs.
	rels map[string]int
	pair map[[2]string]bool
}

func newParser(ents []Entity) *parser {
	// Sized for the shipped dataset's about 3 terms, 2 names and 1.3 node
	// words an entity, so that the maps are not rebuilt as they grow.
	p := &parser{ents: ents, terms: make(map[string][]term, 3*len(ents)), rels: map[string]int{}, pair: map[[2]string]bool{},
		names: make([]string, 0, 2*len(ents))}
	addTokens := func(i int, s string, toks []token, rank int) {
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
	// Tokens are kept only while a name is added (addTokens keeps strings),
	// so that names are tokenized into buffers reused from one to the next.
	var scratch, nameToks []token
	var named [][]token
	var ends []int
	add := func(i int, s string, rank int) {
		scratch = appendTokens(scratch[:0], s)
		addTokens(i, s, scratch, rank)
	}
	p.keys = make([][][]string, len(ents))
	p.nodeWords = make(map[string]bool, len(ents)+len(ents)/2)
	for i, e := range ents {
		// The tokens of the name and of each alias, each tokenized once:
		// named[0] the name's, named[1+j] alias j's.
		nameToks, ends = appendTokens(nameToks[:0], e.Name), append(ends[:0], 0)
		ends = append(ends, len(nameToks))
		for _, a := range e.Aliases {
			nameToks = appendTokens(nameToks, a)
			ends = append(ends, len(nameToks))
		}
		named = named[:0]
		for j := 1; j < len(ends); j++ {
			named = append(named, nameToks[ends[j-1]:ends[j]:ends[j]])
		}
		p.keys[i] = make([][]string, 0, len(named))
		for _, ts := range named {
			if len(ts) > 0 {
				p.keys[i] = append(p.keys[i], tokenTexts(ts))
				if e.Label != graph.LabelState && e.Label != graph.LabelRelation && e.Label != graph.LabelSource {
					p.nodeLen = max(p.nodeLen, len(ts))
					for _, t := range ts {
						p.nodeWords[wordKey(t.text)] = true
					}
				}
			}
		}
		if e.Label == graph.LabelRelation && len(e.States) == 2 {
			p.rels[e.States[0]]++
			p.rels[e.States[1]]++
			p.pair[[2]string{e.States[0], e.States[1]}] = true
			p.pair[[2]string{e.States[1], e.States[0]}] = true
		}
		add(i, e.ID, 0)
		addTokens(i, e.Name, named[0], 0)
		for j, a := range e.Aliases {
			addTokens(i, a, named[1+j], 1)
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
	p.sourceAuthors(add)
	return p
}

// sourceAuthors names each source by the first words of its id, the
// author or outlet ("Kireeva", "Streltsov", "Lukin and Troyakova", "the
// Moscow Times"), when no other source and no other name shares them.
func (p *parser) sourceAuthors(add func(i int, s string, rank int)) {
	used := make(map[string]bool, 3*len(p.ents)) // about 2.5 words an entity in the shipped dataset
	owner := map[string][]int{}
	for i, e := range p.ents {
		if e.Label != graph.LabelSource {
			for _, k := range p.keys[i] {
				for _, w := range k {
					used[w] = true
				}
			}
			continue
		}
		for _, w := range strings.SplitN(e.ID, "-", 3)[:min(2, strings.Count(e.ID, "-")+1)] {
			w = strings.ToLower(w)
			owner[w] = append(owner[w], i)
		}
	}
	for w, is := range owner {
		if used[w] || len(w) < 4 || strings.IndexFunc(w, unicode.IsDigit) >= 0 || isVocab(w) {
			continue
		}
		for _, i := range is {
			add(i, w, 4)
		}
	}
}

// quotes makes curly apostrophes straight.
var quotes = strings.NewReplacer("’", "'", "‘", "'")

// tokenize splits s into words at anything but letters, digits, periods and
// apostrophes, and drops "the". A word is a slice of s (after straightening
// its quotes), so only a word that must change (lower case, periods) is
// copied: the parser tokenizes every name of the dataset on each run.
func tokenize(s string) []token {
	return appendTokens(make([]token, 0, maxWords(s)), s)
}

// appendTokens appends the tokens of s to out, as tokenize returns them:
// the parser tokenizes the names of the dataset into one buffer it reuses.
func appendTokens(out []token, s string) []token {
	// Both quotes, and the dashes, begin with the byte 0xE2.
	if strings.IndexByte(s, 0xE2) >= 0 && (strings.Contains(s, "\u2019") || strings.Contains(s, "\u2018")) {
		s = quotes.Replace(s)
	}
	base := len(out)
	start := -1 // the current word's first byte, or -1 between words
	joined, sepJoin := false, false
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '.' {
			if start < 0 {
				start, joined, sepJoin = i, sepJoin, false
			}
			continue
		}
		if start >= 0 {
			out = appendWord(out, s[start:i], joined && len(out) > base)
			start = -1
		}
		if strings.ContainsRune("-–—/", r) {
			sepJoin = true
		} else if !unicode.IsSpace(r) {
			sepJoin = false
		}
	}
	if start >= 0 {
		out = appendWord(out, s[start:], joined && len(out) > base)
	}
	return out
}

// maxWords returns how many words tokenize may find in s, at most: one
// more than its spaces, hyphens, slashes and dashes (and other characters
// whose UTF-8 begins with the byte 0xE2, as dashes do), so that tokenizing
// a name allocates once.
func maxWords(s string) int {
	n := 1
	for i := range len(s) {
		switch s[i] {
		case ' ', '-', '/', 0xE2:
			n++
		}
	}
	return n
}

// appendWord appends the token for word w (letters, digits, periods and
// apostrophes) to out, unless it is empty without its outer periods and
// apostrophes or is "the". A possessive "'s" is cut and marked; joined
// says it follows the previous word of the same text after a dash or slash.
func appendWord(out []token, w string, joined bool) []token {
	w = trimQuotesPeriods(w)
	poss := false
	if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'S") {
		w, poss = w[:len(w)-2], true
	}
	w = strings.ReplaceAll(w, ".", "")
	if w == "" {
		return out
	}
	l := american(strings.ToLower(w))
	if l == "the" {
		return out
	}
	return append(out, token{text: l, orig: w, joined: joined, poss: poss})
}

// trimQuotesPeriods is strings.Trim(w, "'."), without building the cut set
// on each call.
func trimQuotesPeriods(w string) string {
	for w != "" && (w[0] == '\'' || w[0] == '.') {
		w = w[1:]
	}
	for w != "" && (w[len(w)-1] == '\'' || w[len(w)-1] == '.') {
		w = w[:len(w)-1]
	}
	return w
}

func joinTokens(ts []token) string {
	switch len(ts) {
	case 0:
		return ""
	case 1:
		return ts[0].text
	}
	n := len(ts) - 1
	for _, t := range ts {
		n += len(t.text)
	}
	var b strings.Builder
	b.Grow(n)
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// tokenTexts returns the words of ts, as strings.Fields(joinTokens(ts))
// does (a token's text holds no space) without joining them first.
func tokenTexts(ts []token) []string {
	ws := make([]string, len(ts))
	for i, t := range ts {
		ws[i] = t.text
	}
	return ws
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
		if !ok && j == i+2 {
			ts, ok = p.terms[toks[i].text+toks[i+1].text]
		}
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

// mapWords name the causal map as a whole ("through the causal map", "in
// the graph", "in the dataset"): what a question that names no state, node
// or source asks about anyway. They are understood, and change nothing.
var mapWords = strings.Fields(`map maps graph graphs network networks dataset datasets knowledge everything everywhere`)

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
	v := vocabulary()
	if v.exact[w] {
		return true
	}
	if _, err := strconv.Atoi(strings.TrimSuffix(w, "s")); err == nil {
		return true
	}
	for _, s := range v.prefixes {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// vocab is the words isVocab knows: stop words, mapWords and the one-word stems of
// neutralWords and of every question's phrasing, as hasWord matches them
// (a stem ending in "$" the exact word, another any word it begins).
type vocab struct {
	exact    map[string]bool
	prefixes []string
}

// vocabulary returns the vocab, built on first use (the parser asks about
// each source author's words while building its index).
var vocabulary = sync.OnceValue(func() vocab {
	v := vocab{exact: map[string]bool{}}
	for _, w := range slices.Concat(stopWords, mapWords) {
		v.exact[w] = true
	}
	sets := [][]string{neutralWords}
	for _, q := range Catalog {
		sets = append(sets, q.Phrasing.Words)
	}
	for _, set := range sets {
		for _, s := range set {
			if strings.Contains(s, " ") {
				continue
			}
			if exact, ok := strings.CutSuffix(s, "$"); ok {
				v.exact[exact] = true
			} else {
				v.prefixes = append(v.prefixes, s)
			}
		}
	}
	return v
})

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
	if q.NoPeriod {
		req.Params.From, req.Params.To = 0, 0
	}
	checked := req.Params
	if err := q.Check(&checked); err != nil {
		return Request{}, p.explainCheck(err)
	}
	req.Unused = p.unused(q, c, req.Params)
	req.Alternatives = alternatives(c, q)
	req.ReadAs = p.readAs(q, req.Params)
	return req, nil
}

// nameWords marks toks[s:e] as words that named the node.
func (p *parser) nameWords(s, e int) {
	for i := s; i < e; i++ {
		if i >= len(p.naming) {
			p.naming = append(p.naming, make([]bool, i+1-len(p.naming))...)
		}
		p.naming[i] = true
	}
}

// namedNode reports whether token i named the node (nameWords).
func (p *parser) namedNode(i int) bool { return i < len(p.naming) && p.naming[i] }

// explainCheck adds the words that gave a refused depth or period.
func (p *parser) explainCheck(err error) error {
	switch {
	case p.when.DepthText != "" && strings.Contains(err.Error(), "depth"):
		return fmt.Errorf("%q: %w", p.when.DepthText, err)
	case p.when.Period != "":
		return fmt.Errorf("%q: %w", p.when.Period, err)
	}
	return err
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
	if err := negated(toks, c.inMention); err != nil {
		return nil, err
	}
	if err := p.named(c); err != nil {
		return nil, err
	}
	phrase, err := p.loosePhrase(c)
	if err != nil {
		return nil, err
	}
	if phrase[0] < 0 && c.Node == "" {
		phrase = p.runNode(c)
	}
	p.phrase = phrase
	if err := p.checkNames(toks, c.inMention, phrase); err != nil {
		return nil, err
	}
	inPhrase := func(m mention) bool { return m.start >= phrase[0] && m.end <= phrase[1] && phrase[0] >= 0 }
	c.States, c.Counts, c.Possessive = p.states(toks, c.mentions, inPhrase)
	p.contrastClues(c)
	p.regionClue(c)
	if i := p.index(c.Node); i >= 0 {
		c.NodeLabel = p.ents[i].Label
	}
	lower := strings.ToLower(strings.NewReplacer("–", "-", "—", "-", "‐", "-", "‑", "-").Replace(question))
	w, err := readWhen(lower, c.Words)
	if err != nil {
		return nil, err
	}
	p.when = w
	c.From, c.To, c.Depth = w.From, w.To, w.Depth
	return c, p.readKindClues(c, lower)
}

// negated refuses negated questions ("what didn't weaken...", "not
// directly"), which would otherwise be answered as if they were positive.
// A "not" before a name contrasts ("China and not Japan"): it stays.
func negated(toks []token, inMention []bool) error {
	for i, t := range toks {
		if inMention[i] {
			continue
		}
		w := t.text
		if w == "not" && i+1 < len(toks) && inMention[i+1] {
			continue
		}
		if w == "not" || w == "never" || w == "without" || strings.HasSuffix(w, "n't") {
			return fmt.Errorf("%w\n(negations such as %q are not understood: ask what did happen)", ErrUnknownQuestion, w)
		}
	}
	return nil
}

// named sets the first node and source the question names.
func (p *parser) named(c *Clues) error {
	for _, m := range c.mentions {
		e := p.ents[m.ents[0]]
		switch e.Label {
		case graph.LabelState, graph.LabelRelation:
		case graph.LabelSource:
			if c.Source != "" {
				continue
			}
			id, err := p.whichSource(c.toks, m)
			if err != nil {
				return err
			}
			c.Source = id
		default:
			if c.Node == "" {
				c.Node = e.ID
			}
		}
	}
	return nil
}

// whichSource picks the source an author or outlet shared by several
// sources names ("Reuters"): the one whose id holds a year the question
// gives ("what did Reuters report in 2014?"), else it asks which.
func (p *parser) whichSource(toks []token, m mention) (string, error) {
	if len(m.ents) == 1 {
		return p.ents[m.ents[0]].ID, nil
	}
	var picked, ids []string
	for _, i := range m.ents {
		id := p.ents[i].ID
		ids = append(ids, id)
		for _, t := range toks {
			if len(t.text) == 4 && strings.Contains("-"+id+"-", "-"+t.text+"-") {
				picked = append(picked, id)
				p.sourceYear = t.text
				break
			}
		}
	}
	if len(picked) == 1 {
		return picked[0], nil
	}
	name := strings.Join(quoteAll([]string{joinOrig(toks[m.start:m.end])}), "")
	return "", graph.Errorf(graph.EINVALID, "%s names %d sources (%s): add the year, or ask with the id", name, len(ids), strings.Join(ids, ", "))
}

// joinOrig is the tokens as written.
func joinOrig(ts []token) string {
	ws := make([]string, len(ts))
	for i, t := range ts {
		ws[i] = t.orig
	}
	return strings.Join(ws, " ")
}

// loosePhrase resolves a node named loosely ("how did the 2022 invasion
// affect ..."): it returns the phrase's token range, or -1s.
func (p *parser) loosePhrase(c *Clues) ([2]int, error) {
	none := [2]int{-1, -1}
	s, e := nodePhrase(c.toks)
	if s < 0 || p.onlyStates(c.toks[s:e]) || p.oneMention(c, s, e) {
		return none, nil
	}
	// The phrase says more than the name in it ("the neglect of the Far
	// East"): the node whose names hold every word of it, if there is one.
	id, ok := p.fuzzyNode(c.toks[s:e], true)
	switch {
	case ok:
		c.Node = id
	case c.Node == "":
		return none, p.unknownPhrase(c.toks[s:e])
	default:
		return none, nil
	}
	return [2]int{s, e}, nil
}

// oneMention reports whether toks[s:e] is one named node and small words.
func (p *parser) oneMention(c *Clues, s, e int) bool {
	n := 0
	for _, m := range c.mentions {
		if m.start >= s && m.end <= e {
			n++
		}
	}
	for i := s; i < e; i++ {
		if !c.inMention[i] && !slices.Contains(phraseStop, c.toks[i].text) {
			return false
		}
	}
	return n == 1
}

// runNode finds a node named loosely anywhere ("what is behind the
// anti-Western line?"): the longest run of two or more words outside names
// and question words, holding a word that is not a question word, that
// every word of one node's name or alias holds. It returns the run's token
// range, or -1s.
func (p *parser) runNode(c *Clues) [2]int {
	none := [2]int{-1, -1}
	for i := 0; i < len(c.toks); {
		j := i
		for j < len(c.toks) && !c.inMention[j] && !slices.Contains(stopWords, c.toks[j].text) {
			j++
		}
		if j == i {
			i++
			continue
		}
		for n := min(j-i, p.nodeLen); n >= 2; n-- {
			for s := i; s+n <= j; s++ {
				if !slices.ContainsFunc(c.toks[s:s+n], func(t token) bool { return !isVocab(t.text) }) {
					continue
				}
				if id, ok := p.runMatch(c.toks[s : s+n]); ok {
					c.Node = id
					return [2]int{s, s + n}
				}
			}
		}
		i = j
	}
	return none
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
	for k, m := range ms {
		if skip(m) || p.owner(toks, ms, k) && !pronoun(toks, ms) {
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

// owner reports whether mention k is a state written as a possessive right
// before a node it owns ("Russia's turn to China", "Japan's Western
// alignment"): part of the node's name, not a state asked about.
func (p *parser) owner(toks []token, ms []mention, k int) bool {
	m := ms[k]
	if !toks[m.end-1].poss || k+1 >= len(ms) || ms[k+1].start != m.end {
		return false
	}
	switch p.ents[ms[k+1].ents[0]].Label {
	case graph.LabelState, graph.LabelRelation, graph.LabelSource:
		return false
	}
	return true
}

// pronoun reports whether the question refers back to a state ("the
// Kremlin's turn to China and its relations with Tokyo"): then a state
// owning a node is asked about too.
func pronoun(toks []token, ms []mention) bool {
	for i, t := range toks {
		if t.text == "its" || t.text == "their" {
			if !slices.ContainsFunc(ms, func(m mention) bool { return i >= m.start && i < m.end }) {
				return true
			}
		}
	}
	return false
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

// roleNouns ask for what something did: "the role of X", "what impact did
// X have".
var roleNouns = []string{"role", "impact", "effect", "effects", "influence", "consequences", "consequence", "significance", "importance", "weight", "part"}

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
		case slices.Contains(roleNouns, toks[i].text) && slices.Contains(aux, toks[i+1].text):
			// "what role did X play", "what impact has X had on ...".
			for j := i + 2; j < len(toks); j++ {
				if slices.Contains([]string{"play", "played", "have", "had", "exert", "exerted"}, toks[j].text) {
					if j > i+2 {
						return i + 2, j
					}
					break
				}
			}
		case slices.Contains(roleNouns, toks[i].text) && toks[i].text != "part" && toks[i+1].text == "of":
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

// wordKey is w with a plural s trimmed, as sameWord compares words.
func wordKey(w string) string {
	if len(w) >= 4 {
		return strings.TrimSuffix(w, "s")
	}
	return w
}

// sameWord compares a word of a question with one of a name, forgiving a
// plural ("sanction", "sanctions").
func sameWord(a, b string) bool {
	return a == b || len(a) >= 4 && len(b) >= 4 && strings.TrimSuffix(a, "s") == strings.TrimSuffix(b, "s")
}

// runMatch resolves a run of words found outside names: the node with a
// name or alias holding the run's words together and in order, the run
// being three words or more, or at least half the name ("the anti-Western
// line", "the Sinocentric Asia policy"; not "the Cold War" for "Post-Cold
// War reassessment of Russia's Asian partners"). The shortest such name
// wins, then the kind a question is likelier about, then the id.
func (p *parser) runMatch(run []token) (string, bool) {
	var words []string
	for _, t := range run {
		if !slices.Contains(phraseStop, t.text) {
			words = append(words, t.text)
		}
	}
	if len(words) < 2 || hasWord(words, []string{"relation", "ties", "tie"}) {
		return "", false
	}
	for _, w := range words {
		if !p.nodeWords[wordKey(w)] {
			return "", false
		}
	}
	bestID, bestLen, bestRank := "", 0, 0
	for i, e := range p.ents {
		switch e.Label {
		case graph.LabelState, graph.LabelRelation, graph.LabelSource:
			continue
		}
		for _, k := range p.keys[i] {
			content := slices.DeleteFunc(slices.Clone(k), func(w string) bool { return slices.Contains(phraseStop, w) })
			if !inOrder(content, words) || len(words) < 3 && 2*len(words) < len(content) {
				continue
			}
			r := labelRank(e.Label)
			if bestID == "" || len(content) < bestLen || len(content) == bestLen && (r < bestRank || r == bestRank && e.ID < bestID) {
				bestID, bestLen, bestRank = e.ID, len(content), r
			}
		}
	}
	return bestID, bestID != ""
}

// inOrder reports whether words occur together, in order, in name.
func inOrder(name, words []string) bool {
	for s := 0; s+len(words) <= len(name); s++ {
		all := true
		for j, w := range words {
			if !sameWord(w, name[s+j]) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// coverage says how many of words the best name or alias of entity i
// holds, that name's length, and how many its names hold together.
func (p *parser) coverage(i int, words []string) (cover, length, together int) {
	bag := map[string]bool{}
	for _, k := range p.keys[i] {
		n := 0
		for _, w := range words {
			if slices.ContainsFunc(k, func(x string) bool { return sameWord(w, x) }) {
				n++
				bag[w] = true
			}
		}
		if n > cover || n == cover && n > 0 && len(k) < length {
			cover, length = n, len(k)
		}
	}
	return cover, length, len(bag)
}

// fuzzyNode resolves a loosely named node (not a state, relation or
// source): the one with a name or alias holding every word of the phrase,
// or, with across, whose names and aliases together hold them all ("the
// end of the Soviet Union": "end of the USSR", "Dissolution of the Soviet
// Union"). The node whose one name holds most of the words wins, then the
// shortest such name, the kind a question is likelier about, the id.
func (p *parser) fuzzyNode(phrase []token, across bool) (string, bool) {
	var words []string
	for _, t := range phrase {
		if !slices.Contains(phraseStop, t.text) {
			words = append(words, t.text)
		}
	}
	if len(words) == 0 || hasWord(words, []string{"relation", "ties", "tie"}) {
		return "", false
	}
	type cand struct {
		id                  string
		cover, length, rank int
	}
	var best *cand
	for i, e := range p.ents {
		switch e.Label {
		case graph.LabelState, graph.LabelRelation, graph.LabelSource:
			continue
		}
		c := cand{id: e.ID, rank: labelRank(e.Label)}
		var bag int
		c.cover, c.length, bag = p.coverage(i, words)
		if c.cover < len(words) && !(across && bag == len(words)) {
			continue
		}
		if best == nil || c.cover > best.cover || c.cover == best.cover && (c.length < best.length ||
			c.length == best.length && (c.rank < best.rank || c.rank == best.rank && c.id < best.id)) {
			best = &c
		}
	}
	if best == nil {
		return "", false
	}
	return best.id, true
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
		if inMention[i] || i >= p.phrase[0] && i < p.phrase[1] || isVocab(t.text) {
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

// regionHeads are the words that make a region's name an issue: "the
// Central Asia factor", "the Northern Territories dispute", "the Crimea
// issue", "Central Asia's weight".
var regionHeads = []string{"factor", "dispute", "issue", "question", "problem", "conflict", "weight"}

// regionCause returns the one factor or dispute named as the region taken
// as an issue: a name or alias that is the region's name (or an alias)
// followed by one of regionHeads.
func (p *parser) regionCause(region int) (string, bool) {
	var found []string
	for i, e := range p.ents {
		if e.Label != graph.LabelFactor && e.Label != graph.LabelDispute {
			continue
		}
		for _, k := range p.keys[i] {
			for _, n := range p.keys[region] {
				if len(k) > len(n) && slices.Equal(k[:len(n)], n) && slices.Contains(regionHeads, k[len(n)]) && !slices.Contains(found, e.ID) {
					found = append(found, e.ID)
				}
			}
		}
	}
	if len(found) != 1 {
		return "", false
	}
	return found[0], true
}

// nameOf returns the name of the entity with id, or id.
func (p *parser) nameOf(id string) string {
	if i := p.index(id); i >= 0 {
		return p.ents[i].Name
	}
	return id
}
