// Package suggest finds the closest known word to a misspelt one, for "did you
// mean" hints.
package suggest

import (
	"strings"
	"unicode/utf8"
)

// Closest returns the candidate nearest to word by edit distance (ignoring
// case), or "" when none is close enough to be a plausible typo.
func Closest(word string, candidates []string) string {
	w := strings.ToLower(word)
	n := utf8.RuneCountInString(w)
	limit := max(1, n/3)
	best, bestD := "", -1
	for _, c := range candidates {
		// The lengths' difference is a lower bound of the distance: skip
		// what cannot be close before paying len(word)*len(c) for it.
		if diff := n - utf8.RuneCountInString(c); diff > limit || -diff > limit {
			continue
		}
		d := Distance(w, strings.ToLower(c))
		if bestD < 0 || d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	if bestD < 0 || bestD > limit {
		return ""
	}
	return best
}

// Distance is the Levenshtein distance between a and b, counted in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
