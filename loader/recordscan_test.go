package loader

import (
	"regexp"
	"strconv"
	"strings"
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

// TestScanRecord checks what the scan of a record line says of lines at the
// edges of the subset the fast path takes: fail sends the file to the YAML
// reader, unsure to the full validator.
func TestScanRecord(t *testing.T) {
	_, err := compiledSchema()
	if err != nil {
		t.Fatal(err)
	}
	src := `{"id":"s","name":"S","kind":"book"}`
	manyKeys := `{"a0":1`
	for i := 1; i < 40; i++ {
		manyKeys += `,"a` + strconv.Itoa(i) + `":1`
	}
	deep := strings.Repeat(`{"a":`, maxFastDepth) + "1" + strings.Repeat("}", maxFastDepth)
	tests := []struct {
		name, list, line string
		want             verdict
	}{
		{"valid source", "sources", src, pass},
		{"kind not in the enum", "sources", `{"id":"s","name":"S","kind":"blog"}`, fail},
		{"spaces around tokens", "sources", `{ "id" : "s" , "name" : "S" , "kind" : "book" }`, pass},
		{"missing required field", "sources", `{"id":"s","kind":"book"}`, fail},
		{"unknown field", "sources", `{"kind":"book","id":"s","name":"S","nme":"x"}`, fail},
		{"duplicate key", "sources", `{"kind":"book","id":"s","name":"S","id":"t"}`, fail},
		{"id against the pattern", "sources", `{"kind":"book","id":"-s","name":"S"}`, fail},
		{"empty name", "sources", `{"kind":"book","id":"s","name":""}`, fail},
		{"wrong type", "sources", `{"kind":"book","id":"s","name":1}`, fail},
		{"escape", "sources", `{"kind":"book","id":"s","name":"a\"b"}`, fail},
		{"trailing text", "sources", src + ` x`, fail},
		{"two values", "sources", src + src, fail},
		{"unclosed", "sources", `{"kind":"book","id":"s","name":"S"`, fail},
		{"float", "states", `{"id":"AAA","name":"A","cow":1.5}`, fail},
		{"long integer", "states", `{"id":"AAA","name":"A","cow":1234567890123456}`, fail},
		{"leading zero", "states", `{"id":"AAA","name":"A","cow":012}`, fail},
		{"state", "states", `{"id":"AAA","name":"A","cow":365}`, pass},
		{"uri format: unsure", "sources", `{"kind":"book","id":"s","name":"S","url":"https://example.org"}`, unsure},
		{"impossible date", "sources", `{"kind":"book","id":"s","name":"S","published":"2001-02-30"}`, fail},
		{"syntax only: duplicate among many keys", "", manyKeys + `,"a7":2}`, fail},
		{"syntax only: many keys", "", manyKeys + `}`, unsure},
		{"syntax only: deep", "", deep, unsure},
		{"syntax only: too deep", "", `{"b":` + deep + `}`, fail},
		{"syntax only: literals", "", `{"a":[true,false,null,-1,0,"x",{}],"b":[]}`, unsure},
		{"syntax only: bad literal", "", `{"a":nul}`, fail},
		{"syntax only: comma before end", "", `{"a":1,}`, fail},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c *recordCheck
			if tt.list != "" {
				c = recordChecks[tt.list]
				if c == nil {
					t.Fatalf("no check for %s", tt.list)
				}
			}
			if got := scanRecord(c, []byte(tt.line)); got != tt.want {
				t.Errorf("scanRecord(%s, %s) = %v, want %v", tt.list, tt.line, got, tt.want)
			}
		})
	}
}
