package loader

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
)

// patternSamples are strings near the edges of the schema's patterns.
var patternSamples = []string{
	"", "A", "AB", "ABC", "ABCD", "abc", "AbC", "AB1", "ÄBC", "AB\n", "ABC\n",
	"a", "0", "_a", "-a", ".a", "a-b_c.d", "a b", "a/b", "id\n", "é", "aé", "A9", "x:y",
	"2024", "202", "20245", "2024-01", "2024-1", "2024-01-02", "2024-01-0", "2024-01-022",
	"2024/01", "2024-0a", "a024", "2024-01-", "-2024", "2024--1", "0000-00-00",
}

// TestKnownPatterns checks that each hand-written matcher agrees with the
// regular expression it stands for.
func TestKnownPatterns(t *testing.T) {
	for pat, match := range knownPatterns {
		re := regexp.MustCompile(pat)
		for _, s := range patternSamples {
			assert.Equal(t, re.MatchString(s), match([]byte(s)), "%s on %q", pat, s)
		}
	}
}

// FuzzKnownPatterns checks the hand-written matchers against their regular
// expressions on any string.
func FuzzKnownPatterns(f *testing.F) {
	for _, s := range patternSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for pat, match := range knownPatterns {
			if got, want := match([]byte(s)), regexp.MustCompile(pat).MatchString(s); got != want {
				t.Fatalf("%s on %q: got %v, want %v", pat, s, got, want)
			}
		}
	})
}
