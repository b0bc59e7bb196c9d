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
	n := utf8.RuneCountInString(s)
	if n <= Max {
		return strconv.Quote(s)
	}
	i, count := 0, 0
	for i = range s {
		if count == Max {
			break
		}
		count++
	}
	return strconv.Quote(s[:i]) + "... (" + strconv.Itoa(n) + " characters)"
}
