package suggest

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"japan", "japan", 0},
		{"japna", "japan", 1}, // a swap of two neighbours is one edit
		{"chian", "china", 1},
		{"japon", "japan", 1},
		{"rusia", "russia", 1},
		{"tokoy", "tokyo", 1},
		{"abc", "cba", 2},
		{"", "abc", 3},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	names := []string{"Japan", "China", "Russia", "Tokyo"}
	for word, want := range map[string]string{"Japna": "Japan", "Chnia": "China", "Narnia": "", "Tokoy": "Tokyo"} {
		if got := Closest(word, names); got != want {
			t.Errorf("Closest(%q) = %q, want %q", word, got, want)
		}
	}
}
