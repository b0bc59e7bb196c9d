package graph

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestShortCaption(t *testing.T) {
	tests := []struct {
		name string
		max  int
		want string
	}{
		{"Russia", 25, "Russia"},
		{"Kuril Islands dispute", 21, "Kuril Islands dispute"},
		{"Refusal to cede the southern Kurils", 23, "Refusal to cede the…"},
		{"Tokyo Declaration on Japan-Russia Relations (provisional translation)", 45, "Tokyo Declaration on Japan-Russia Relations"},
		{"[Russia's Asia policy: why China, not Japan, became Moscow's partner]", 30, "Russia's Asia policy"},
		{"Russia, China and Central Asia: Cooperation over Competition", 30, "Russia, China and Central Asia"},
		{"Dyad dataset curators' inferences", 30, "Dyad dataset curators'…"},
		{"Japan, Russia thaw relations in Siberia", 12, "Japan…"},
		{"Good-Neighbourliness", 10, "Good-Neig…"},
		{"  spaces   inside ", 40, "spaces inside"},
		{"no limit at all, however long the name is", 0, "no limit at all, however long the name is"},
	}
	for _, tt := range tests {
		got := ShortCaption(tt.name, tt.max)
		if got != tt.want {
			t.Errorf("ShortCaption(%q, %d) = %q, want %q", tt.name, tt.max, got, tt.want)
		}
		if tt.max >= 2 && utf8.RuneCountInString(got) > tt.max {
			t.Errorf("ShortCaption(%q, %d) = %q: longer than %d", tt.name, tt.max, got, tt.max)
		}
	}
}

// FuzzShortCaption checks the promises for any name: within max, and either
// whole words of the name (with "…") or a prefix of its only word.
func FuzzShortCaption(f *testing.F) {
	f.Add("Refusal to cede the southern Kurils", 23)
	f.Add("[A (b) c]: d – e", 5)
	f.Fuzz(func(t *testing.T, name string, max int) {
		if !utf8.ValidString(name) || max > 1000 {
			return
		}
		got := ShortCaption(name, max)
		if max >= 2 && utf8.RuneCountInString(got) > max {
			t.Fatalf("ShortCaption(%q, %d) = %q: too long", name, max, got)
		}
		words := strings.Fields(name)
		cut, ok := strings.CutSuffix(got, "…")
		if !ok || len(words) <= 1 {
			return
		}
		for _, w := range strings.Fields(cut) {
			if !strings.Contains(name, w) {
				t.Fatalf("ShortCaption(%q, %d) = %q: %q is no word of the name", name, max, got, w)
			}
		}
	})
}
