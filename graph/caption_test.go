package graph

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTextWidth holds the width model to Chromium's own measurements of
// sans-serif at 9px (canvas measureText, Debian's Chromium): the model may
// overestimate by its 5% margin, never underestimate.
func TestTextWidth(t *testing.T) {
	chromium := map[string]float64{" ": 2.50048828125, "Refusal": 30.515625, "southern": 35.0244140625,
		"unfriendly": 39.0234375, "Kurils": 22.50439453125, "Japan": 24.521484375, "state": 19.51171875}
	for s, want := range chromium {
		got := textWidth(s, 9)
		if got < want || got > want*1.06 {
			t.Errorf("textWidth(%q, 9) = %.2f, Chromium measures %.2f", s, got, want)
		}
	}
}

func TestShortCaption(t *testing.T) {
	tests := []struct {
		name     string
		diameter float64
		font     float64
		want     string
	}{
		{"Russia", 90, 12, "Russia"},
		{"Kuril Islands dispute", 72, 10, "Kuril Islands dispute"},
		// Two lines of a 90px node hold it; an 80px node needs three, where
		// Browser's layout fails (its last line would be empty).
		{"Refusal to cede the southern Kurils", 90, 9, "Refusal to cede the southern Kurils"},
		{"Refusal to cede the southern Kurils", 80, 9, "Refusal to cede the southern…"},
		// Two 11px lines of a 110px node: "Tokyo Declaration" and "on
		// Japan-Russia"; "Relations" is left over.
		{"Tokyo Declaration on Japan-Russia Relations (provisional translation)", 110, 11, "Tokyo Declaration on Japan-Russia…"},
		{"[Russia's Asia policy: why China, not Japan, became Moscow's partner]", 80, 8, "Russia's Asia policy"},
		// One word wider than the node: cut, as only Browser would otherwise.
		{"Good-Neighbourliness", 30, 10, "Go…"},
		{"  spaces   inside ", 90, 9, "spaces inside"},
		{"no limit at all, however long the name is", 0, 0, "no limit at all, however long the name is"},
	}
	for _, tt := range tests {
		got := ShortCaption(tt.name, tt.diameter, tt.font)
		if got != tt.want {
			t.Errorf("ShortCaption(%q, %g, %g) = %q, want %q", tt.name, tt.diameter, tt.font, got, tt.want)
		}
	}
}

// TestCaptionCharacterCut checks Browser's first cut, at floor(r²π/s²)
// characters whatever the widths: 20px at 10px leaves 3.
func TestCaptionCharacterCut(t *testing.T) {
	if r := 10.0; int(math.Floor(r*r*math.Pi/100)) != 3 {
		t.Fatal("arithmetic")
	}
	if captionFits("iiii", 20, 10) {
		t.Error(`"iiii" fits a 20px node at 10px, but Browser cuts captions there to 3 characters`)
	}
	if !captionFits("iii", 20, 10) {
		t.Error(`"iii" does not fit a 20px node at 10px`)
	}
}

// FuzzShortCaption checks the promises for any name: it fits, and it is the
// name's whole words (with "…"), or a prefix of its first word.
func FuzzShortCaption(f *testing.F) {
	f.Add("Refusal to cede the southern Kurils", 80.0, 9.0)
	f.Add("[A (b) c]: d – e", 30.0, 10.0)
	f.Fuzz(func(t *testing.T, name string, d, s float64) {
		if !utf8.ValidString(name) || !(d >= 20 && d <= 500) || !(s >= 4 && s <= d/2) {
			return
		}
		got := ShortCaption(name, d, s)
		if got != "…" && !captionFits(got, d, s) {
			t.Fatalf("ShortCaption(%q, %g, %g) = %q, which does not fit", name, d, s, got)
		}
		cut, ok := strings.CutSuffix(got, "…")
		if !ok || len(strings.Fields(name)) <= 1 {
			return
		}
		for _, w := range strings.Fields(cut) {
			if !strings.Contains(name, w) {
				t.Fatalf("ShortCaption(%q, %g, %g) = %q: %q is no word of the name", name, d, s, got, w)
			}
		}
	})
}
