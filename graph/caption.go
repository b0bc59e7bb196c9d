package graph

import (
	"math"
	"regexp"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// bracketed matches a parenthesised aside.
var bracketed = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s*\([^()]*\)`) })

// ShortCaption returns name as the caption Neo4j Browser shows whole in a
// node of the given diameter and font size (px), never cut inside a word:
// the name itself if it fits; else without asides in parentheses or its
// enclosing square brackets; else the part before a subtitle (": ", " – ");
// else its first words and "…". A diameter or font size of 0 means no limit.
//
// Browser (5.x, neo4j-arc's fitCaptionIntoCircle) first cuts a caption to
// floor(r²π/s²) characters, then lays its words, split at spaces, on 1, 2, 3...
// lines across the circle, keeping a layout only if no line is empty; past
// two lines that can fail for text that fits (the words fill the first lines
// of a taller layout and leave its last one empty), and Browser then shows
// the two-line layout with its last word cut. So a caption fits here when it
// fits one or two lines, measured with Arial's widths (Liberation Sans on
// Linux, Helvetica's metrics) plus 5%; unknown characters count 1 em.
func ShortCaption(name string, diameter, fontSize float64) string {
	name = strings.Join(strings.Fields(name), " ")
	fits := func(s string) bool { return captionFits(s, diameter, fontSize) }
	if fits(name) {
		return name
	}
	// A bracket removed leaves a space, so that no two words are joined.
	s := name
	if strings.Contains(s, "(") {
		s = strings.Join(strings.Fields(bracketed().ReplaceAllString(name, " ")), " ")
	}
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if s == "" {
		s = name
	}
	if fits(s) {
		return s
	}
	for _, sep := range []string{": ", " – ", " — ", " - "} {
		if head, _, ok := strings.Cut(s, sep); ok && strings.Contains(head, " ") && fits(head) {
			return head
		}
	}
	// s is words joined by single spaces, so its first n words are a prefix.
	words := strings.Fields(s)
	ends := make([]int, len(words))
	for i, end := 0, -1; i < len(words); i++ {
		end += 1 + len(words[i])
		ends[i] = end
	}
	for n := len(words) - 1; n > 0; n-- {
		head := strings.TrimRight(s[:ends[n-1]], " ,;:–—-“‘([")
		if head != "" && fits(head+"…") {
			return head + "…"
		}
	}
	r := []rune(words[0])
	for n := len(r) - 1; n > 0; n-- {
		if fits(string(r[:n]) + "…") {
			return string(r[:n]) + "…"
		}
	}
	return "…"
}

// captionFits reports whether Browser shows s whole on one or two lines of
// a node of the given diameter and font size.
func captionFits(s string, diameter, fontSize float64) bool {
	if diameter <= 0 || fontSize <= 0 {
		return true
	}
	r := diameter / 2
	// Browser's cut counts UTF-16 code units (JavaScript's length).
	if utf16Len(s) > int(math.Floor(r*r*math.Pi/(fontSize*fontSize))) {
		return false
	}
	words := strings.Split(s, " ")
	space := textWidth(" ", fontSize)
	for lines := 1; lines <= 2 && float64(lines) <= diameter/fontSize; lines++ {
		next, empty := 0, false
		for i := 0; i < lines && !empty; i++ {
			// Browser's line i of n: its baseline, and the chord farthest
			// from the centre that the line's height touches.
			baseline := (1 + float64(i) - float64(lines)/2) * fontSize
			chord := baseline + fontSize/2
			if float64(i) < float64(lines)/2 {
				chord = baseline - fontSize/2
			}
			room := 2 * math.Sqrt(r*r-chord*chord)
			start := next
			for next < len(words) && textWidth(words[next], fontSize) < room-space {
				room -= textWidth(words[next], fontSize) + space
				next++
			}
			empty = next == start // Browser rejects a layout with an empty line
		}
		if !empty && next == len(words) {
			return true
		}
	}
	return false
}

// baseLetter returns c without its accents: the first rune of its canonical
// decomposition (c itself for ASCII, which has none).
func baseLetter(c rune) rune {
	if c < 128 {
		return c
	}
	r, _ := utf8.DecodeRuneInString(norm.NFD.String(string(c)))
	return r
}

// arialWidths are the advance widths of ASCII 32 to 126 in Arial (and
// Liberation Sans, Helvetica), in thousandths of an em.
var arialWidths = [95]int{278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722,
	667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667,
	611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556,
	556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584}

// punctuationWidths are Arial's widths of the typographic marks names use.
var punctuationWidths = map[rune]int{'–': 556, '—': 1000, '‘': 222, '’': 222, '“': 333, '”': 333, '…': 1000, 'ł': 222}

// utf16Len is the length of s in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, c := range s {
		n += utf16.RuneLen(c)
	}
	return n
}

// textWidth is the width of s in px at fontSize: Arial's widths (an
// accented Latin letter as its base letter) plus 5%, 1 em for anything else.
func textWidth(s string, fontSize float64) float64 {
	em := 0
	for _, c := range s {
		if c >= 32 && c < 127 {
			em += arialWidths[c-32]
			continue
		}
		// None of the marks decomposes, so they need no look-up of a base.
		if w := punctuationWidths[c]; w > 0 {
			em += w
			continue
		}
		if base := baseLetter(c); base >= 32 && base < 127 {
			em += arialWidths[base-32]
		} else {
			em += 1000
		}
	}
	return float64(em) / 1000 * fontSize * 1.05
}
