// Package clip shortens values quoted in messages, so that a problem with a
// megabyte-long key or id is reported in one readable line.
package clip

import (
	"strconv"
	"unicode/utf8"
)

// Max is the number of characters of a value a message quotes.
const Max = 60

// Quote returns s as a Go-quoted string ("...") cut to its first Max
// characters, with "..." after the closing quote when it was cut and the
// full length in characters.
func Quote(s string) string {
	head, n := cut(s)
	if n <= Max {
		return strconv.Quote(s)
	}
	return strconv.Quote(head) + "... (" + strconv.Itoa(n) + " characters)"
}

// Cut returns s unquoted, cut as Quote cuts it: for ids, which messages
// show bare.
func Cut(s string) string {
	head, n := cut(s)
	if n <= Max {
		return s
	}
	return head + "... (" + strconv.Itoa(n) + " characters)"
}

// cut returns the first Max characters of s and its length in characters.
func cut(s string) (string, int) {
	n := utf8.RuneCountInString(s)
	if n <= Max {
		return s, n
	}
	i, count := 0, 0
	for i = range s {
		if count == Max {
			break
		}
		count++
	}
	return s[:i], n
}
