package graph

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// bracketed matches a parenthesised or square-bracketed aside.
var bracketed = regexp.MustCompile(`\s*\([^()]*\)`)

// ShortCaption returns name as a caption of at most max characters, never
// cut inside a word: the name itself if it fits; else without asides in
// parentheses or its enclosing square brackets; else the part before a
// subtitle (": ", " – "); else its first words and "…". A single word
// longer than max is cut, with "…". max below 2 means no limit.
func ShortCaption(name string, max int) string {
	fits := func(s string) bool { return max < 2 || utf8.RuneCountInString(s) <= max }
	name = strings.Join(strings.Fields(name), " ")
	if fits(name) {
		return name
	}
	s := strings.TrimSpace(bracketed.ReplaceAllString(name, ""))
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if s != "" && fits(s) {
		return s
	}
	if s == "" {
		s = name
	}
	for _, sep := range []string{": ", " – ", " — ", " - "} {
		if head, _, ok := strings.Cut(s, sep); ok && strings.Contains(head, " ") && fits(head) {
			return head
		}
	}
	return firstWords(s, max)
}

// firstWords returns the words of s that fit in max-1 characters, without
// trailing punctuation, and "…".
func firstWords(s string, max int) string {
	out := ""
	for _, w := range strings.Fields(s) {
		next := w
		if out != "" {
			next = out + " " + w
		}
		if utf8.RuneCountInString(next) > max-1 {
			break
		}
		out = next
	}
	out = strings.TrimRight(out, " ,;:–—-“‘([")
	if out == "" {
		r := []rune(s)
		out = string(r[:max-1])
	}
	return out + "…"
}
