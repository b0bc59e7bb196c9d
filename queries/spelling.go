package queries

import "strings"

// spellings maps British spellings to the American ones the parser compares
// in: a question and the dataset's names are both read through it, so
// "China-centered" finds "China-centred" and "favoured" the stem "favor".
var spellings = map[string]string{
	"centre": "center", "centres": "centers", "centred": "centered", "centring": "centering",
	"theatre": "theater", "defence": "defense", "offence": "offense", "programme": "program",
	"analyse": "analyze", "analysed": "analyzed", "catalogue": "catalog",
}

// ourStems are the words whose British "our" is American "or" (favour,
// neighbourliness, behaviour), in any of their forms.
var ourStems = []string{"favour", "neighbour", "behaviour", "honour", "labour", "colour", "harbour",
	"rumour", "vigour", "endeavour", "savour", "armour", "humour", "candour", "clamour", "fervour"}

// iseStems are the words whose British "-ise" is American "-ize"
// (nationalise, organised, normalising); "-isation" is always "-ization".
var iseStems = []string{"organ", "national", "normal", "recogn", "real", "modern", "stabil", "destabil",
	"legitim", "militar", "marginal", "priorit", "formal", "special", "central", "revital", "mobil",
	"util", "critic", "apolog", "symbol", "emphas", "character", "capital", "summar", "jeopard",
	"author", "minim", "maxim", "optim", "western", "global", "democrat", "sympath", "antagon", "memor"}

// lledStems double their last l in British English (fuelled, travelling).
var lledStems = []string{"fuel", "travel", "label", "signal", "model", "cancel", "level", "channel", "counsel", "marshal"}

// iseForms maps each British -ise form of iseStems and lledStems to its
// American form.
var iseForms = func() map[string]string {
	m := map[string]string{}
	for _, s := range iseStems {
		for _, end := range []string{"e", "ed", "es", "ing"} {
			m[s+"is"+end] = s + "iz" + end
		}
	}
	for _, s := range lledStems {
		for _, end := range []string{"ed", "ing", "er"} {
			m[s+"l"+end] = s + end
		}
	}
	return m
}()

// american returns w (lower case) in American spelling.
func american(w string) string {
	if a, ok := spellings[w]; ok {
		return a
	}
	if a, ok := iseForms[w]; ok {
		return a
	}
	if strings.Contains(w, "our") {
		for _, s := range ourStems {
			if strings.HasPrefix(w, s) {
				return s[:len(s)-2] + "r" + w[len(s):]
			}
		}
	}
	if i := strings.Index(w, "isation"); i > 0 {
		return w[:i] + "ization" + w[i+len("isation"):]
	}
	return w
}
