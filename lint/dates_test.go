package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/dyad-kg/dyad/graph"
)

func TestSurelyBefore(t *testing.T) {
	d := func(s string) graph.Date {
		if s == "" {
			return graph.Date{}
		}
		v, err := graph.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		a, b string
		want bool
	}{
		{"2012", "2013", true},
		{"2012", "2013-01-01", true},
		{"2012", "2012-05", false}, // the source may be from December 2012
		{"2012-05", "2012", false}, // the period may start in June
		{"2016-05", "2016-05-06", false},
		{"2016-05-06", "2016-05", false},
		{"2016-04-30", "2016-05", true},
		{"2016-02", "2016-03-01", true}, // 2016 is a leap year: the 29th is in February
		{"2013", "2012", false},
		{"", "2012", false},
		{"2012", "", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, surelyBefore(d(tt.a), d(tt.b)), "%s before %s", tt.a, tt.b)
	}
}

func TestLocatorPatterns(t *testing.T) {
	tests := []struct {
		loc          string
		vague, whole bool
	}{
		{"passim", true, false},
		{"  Passim ", true, false},
		{"n/a", true, false},
		{"-", true, false},
		{"?", true, false},
		{"see text", true, false},
		{"whole report", false, true},
		{"The entire article", false, true},
		{"full text", false, true},
		{"para 3", false, false},
		{"art. 9", false, false},
		{"wholesale trade section", false, false},
		{"passage on the 2004 agreement", false, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.vague, vagueLocator().MatchString(tt.loc), "vague %q", tt.loc)
		assert.Equal(t, tt.whole, wholeLocator().MatchString(tt.loc), "whole %q", tt.loc)
	}
}

func TestParseSeverity(t *testing.T) {
	for _, s := range []Severity{Off, Info, Warning, Error} {
		got, err := ParseSeverity(s.String())
		assert.NoError(t, err)
		assert.Equal(t, s, got)
	}
	_, err := ParseSeverity("fatal")
	assert.Error(t, err)
}
