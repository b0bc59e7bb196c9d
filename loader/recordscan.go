package loader

import (
	"bytes"
	"slices"
	"unicode/utf8"
)

// The fast path checks a record line against its recordCheck while it
// scans the line's bytes, without building the generic value first: the
// scanner reads the JSON subset the fast path takes (no escape, no
// whitespace but spaces, integers of at most 15 digits, nesting at most
// maxFastDepth deep, no key twice in an object) and gives up on anything
// else, so that the YAML reader reads the file.

// recordScanner reads one JSON value from b, from i on.
type recordScanner struct {
	b     []byte
	i     int
	depth int
	// bad says the value is outside the subset, or fails a check: the
	// fast path gives the file up.
	bad bool
	// str holds the contents of the last string scanned.
	str []byte
}

// scanRecord scans the record line obj (a JSON object, UTF-8 text) against
// c (nil: no check, syntax only) and returns the verdict: fail when obj is outside the
// subset the fast path takes or fails c.
func scanRecord(c *recordCheck, obj []byte) verdict {
	s := &recordScanner{b: obj}
	v := s.value(c)
	s.space()
	if s.bad || s.i != len(obj) {
		return fail
	}
	if c == nil {
		return unsure
	}
	return v
}

// maxLinearKeys is the number of keys of an object up to which duplicates
// are found by comparing each key with the ones before it.
const maxLinearKeys = 32

func (s *recordScanner) space() {
	for s.i < len(s.b) && s.b[s.i] == ' ' {
		s.i++
	}
}

// failed marks the value bad and returns fail.
func (s *recordScanner) failed() verdict {
	s.bad = true
	return fail
}

// value scans one value against c (nil: any value).
func (s *recordScanner) value(c *recordCheck) verdict {
	s.space()
	if s.bad || s.i >= len(s.b) {
		return s.failed()
	}
	return c.scan(s)
}

// scan scans one value (at a non-space byte) against c: its $ref first,
// then its own checks.
func (c *recordCheck) scan(s *recordScanner) verdict {
	if c != nil && c.ref != nil {
		start := s.i
		if r := c.ref.scan(s); r != pass || s.bad {
			return r
		}
		s.i = start
	}
	typ, r := s.typed(c)
	if s.bad {
		return fail
	}
	if c == nil {
		return pass
	}
	if len(c.types) > 0 && !slices.Contains(c.types, typ) && (typ != "integer" || !slices.Contains(c.types, "number")) {
		return s.failed()
	}
	if c.enum != nil && (typ != "string" || !slices.Contains(c.enum, string(s.str))) {
		return s.failed()
	}
	if r == pass && c.format != "" {
		r = c.scanFormat(s, typ)
	}
	return r
}

// typed scans one value by its first byte and returns its JSON type, as
// the schema names it, and the verdict of c's checks for that type.
func (s *recordScanner) typed(c *recordCheck) (string, verdict) {
	switch b := s.b[s.i]; {
	case b == '{':
		return "object", s.object(c)
	case b == '[':
		return "array", s.array(c)
	case b == '"':
		return "string", s.text(c)
	case b == '-' || ('0' <= b && b <= '9'):
		return "integer", s.number(c)
	case s.literal("true"), s.literal("false"):
		return "boolean", pass
	case s.literal("null"):
		return "null", pass
	}
	return "", s.failed()
}

// literal scans the word w if it comes next.
func (s *recordScanner) literal(w string) bool {
	if !bytes.HasPrefix(s.b[s.i:], []byte(w)) {
		return false
	}
	s.i += len(w)
	return true
}

// enter and leave track the nesting depth.
func (s *recordScanner) enter() bool {
	s.i++
	s.depth++
	if s.depth > maxFastDepth {
		s.bad = true
	}
	return !s.bad
}

func (s *recordScanner) leave() { s.depth-- }

// object scans an object; a key seen twice, a missing required key or an
// unknown one where c allows none makes it bad.
func (s *recordScanner) object(c *recordCheck) verdict {
	if !s.enter() {
		return fail
	}
	defer s.leave()
	var buf [16][]byte // most objects have fewer keys: no allocation
	keys := buf[:0]
	var seen map[string]bool
	r := pass
	s.space()
	if s.i < len(s.b) && s.b[s.i] == '}' {
		s.i++
		return c.requiredIn(s, keys)
	}
	for !s.bad {
		s.space()
		if s.i >= len(s.b) || s.b[s.i] != '"' || s.text(nil) == fail {
			return s.failed()
		}
		key := s.str
		if seen == nil && len(keys) == maxLinearKeys {
			seen = map[string]bool{}
			for _, k := range keys {
				seen[string(k)] = true
			}
		}
		if dupKey(keys, seen, key) {
			return s.failed()
		}
		keys = append(keys, key)
		if seen != nil {
			seen[string(key)] = true
		}
		s.space()
		if s.i >= len(s.b) || s.b[s.i] != ':' {
			return s.failed()
		}
		s.i++
		r = max(r, s.value(c.prop(s, key)))
		s.space()
		if s.bad || s.i >= len(s.b) {
			return s.failed()
		}
		if s.b[s.i] == '}' {
			s.i++
			return max(r, c.requiredIn(s, keys))
		}
		if s.b[s.i] != ',' {
			return s.failed()
		}
		s.i++
	}
	return fail
}

// dupKey reports whether key is among keys (or in seen, once an object
// has more than maxLinearKeys keys).
func dupKey(keys [][]byte, seen map[string]bool, key []byte) bool {
	if seen != nil {
		return seen[string(key)]
	}
	for _, k := range keys {
		if bytes.Equal(k, key) {
			return true
		}
	}
	return false
}

// prop returns the check of the property key of an object c checks (nil:
// no check), and marks s bad when c allows no such key.
func (c *recordCheck) prop(s *recordScanner, key []byte) *recordCheck {
	if c == nil {
		return nil
	}
	p, ok := c.props[string(key)]
	if !ok && c.closed {
		s.bad = true
	}
	return p
}

// requiredIn checks that keys holds every key c requires.
func (c *recordCheck) requiredIn(s *recordScanner, keys [][]byte) verdict {
	if c == nil {
		return pass
	}
	for _, f := range c.required {
		if !slices.ContainsFunc(keys, func(k []byte) bool { return string(k) == f }) {
			return s.failed()
		}
	}
	return pass
}

// array scans an array against c's items, count and uniqueness checks.
func (s *recordScanner) array(c *recordCheck) verdict {
	if !s.enter() {
		return fail
	}
	defer s.leave()
	var items *recordCheck
	if c != nil {
		items = c.items
	}
	var buf [8][]byte
	strs := buf[:0] // the items, while all are strings
	allStrings := true
	n := 0
	r := pass
	s.space()
	if s.i < len(s.b) && s.b[s.i] == ']' {
		s.i++
		return c.arrayEnd(s, r, 0, allStrings, strs)
	}
	for !s.bad {
		s.space()
		isString := s.i < len(s.b) && s.b[s.i] == '"'
		r = max(r, s.value(items))
		n++
		if allStrings = allStrings && isString; allStrings && c != nil && c.unique {
			strs = append(strs, s.str)
		}
		s.space()
		if s.bad || s.i >= len(s.b) {
			return s.failed()
		}
		if s.b[s.i] == ']' {
			s.i++
			return c.arrayEnd(s, r, n, allStrings, strs)
		}
		if s.b[s.i] != ',' {
			return s.failed()
		}
		s.i++
	}
	return fail
}

// arrayEnd applies c's count and uniqueness checks to an array of n items
// whose items gave r: uniqueness is checked here over strings only (strs,
// when allStrings), and left to the full validator otherwise.
func (c *recordCheck) arrayEnd(s *recordScanner, r verdict, n int, allStrings bool, strs [][]byte) verdict {
	if c == nil || s.bad {
		return r
	}
	if (c.minItems >= 0 && n < c.minItems) || (c.maxItems >= 0 && n > c.maxItems) {
		return s.failed()
	}
	if !c.unique {
		return r
	}
	if !allStrings {
		return max(r, unsure)
	}
	seen := make(map[string]bool, len(strs))
	for _, x := range strs {
		if seen[string(x)] {
			return s.failed()
		}
		seen[string(x)] = true
	}
	return r
}

// text scans a string (no escape, no control character; the caller has
// checked that the line is UTF-8) against c's length and pattern checks;
// its contents are left in s.str.
func (s *recordScanner) text(c *recordCheck) verdict {
	start := s.i + 1
	end := start
	for end < len(s.b) && s.b[end] != '"' {
		if s.b[end] == '\\' || s.b[end] < 0x20 {
			return s.failed()
		}
		end++
	}
	if end >= len(s.b) {
		return s.failed()
	}
	s.str = s.b[start:end]
	s.i = end + 1
	if c == nil {
		return pass
	}
	if (c.minLength >= 0 && utf8.RuneCount(s.str) < c.minLength) || (c.match != nil && !c.match(s.str)) {
		return s.failed()
	}
	return pass
}

// number scans an integer of at most 15 digits, as JSON writes it, against
// c's bounds; any other number makes the value bad.
func (s *recordScanner) number(c *recordCheck) verdict {
	neg := s.b[s.i] == '-'
	j := s.i
	if neg {
		j++
	}
	start := j
	var n int64
	for j < len(s.b) && '0' <= s.b[j] && s.b[j] <= '9' {
		n = n*10 + int64(s.b[j]-'0')
		j++
	}
	digits := j - start
	if digits == 0 || digits > 15 || (s.b[start] == '0' && digits > 1) ||
		(j < len(s.b) && bytes.IndexByte([]byte(".eE+-"), s.b[j]) >= 0) {
		return s.failed()
	}
	s.i = j
	if neg {
		n = -n
	}
	if c == nil {
		return pass
	}
	f := float64(n)
	if (c.minimum != nil && f < *c.minimum) || (c.maximum != nil && f > *c.maximum) {
		return s.failed()
	}
	return pass
}

// scanFormat checks c's format of a value of type typ just scanned: only
// dyad-date is known; it holds of any value but a string that is not a
// real date.
func (c *recordCheck) scanFormat(s *recordScanner, typ string) verdict {
	if c.format != "dyad-date" {
		return unsure
	}
	if typ == "string" && validateDate(string(s.str)) != nil {
		return s.failed()
	}
	return pass
}

// knownPatterns are hand-written matchers for the patterns the schema uses,
// by their source text; the compiled checks use them instead of the regular
// expression (TestKnownPatterns checks that they agree). A pattern not
// listed here is matched by its regular expression.
var knownPatterns = map[string]func([]byte) bool{
	"^[A-Z]{3}$":                         isAlpha3,
	"^[A-Za-z0-9][A-Za-z0-9_.-]*$":       isIDText,
	"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": isDateText,
}

// isAlpha3 matches ^[A-Z]{3}$.
func isAlpha3(b []byte) bool {
	return len(b) == 3 && isUpper(b[0]) && isUpper(b[1]) && isUpper(b[2])
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isIDText matches ^[A-Za-z0-9][A-Za-z0-9_.-]*$.
func isIDText(b []byte) bool {
	if len(b) == 0 || !isAlnum(b[0]) {
		return false
	}
	for _, c := range b[1:] {
		if !isAlnum(c) && c != '_' && c != '.' && c != '-' {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool { return isUpper(c) || ('a' <= c && c <= 'z') || isDigit(c) }

// isDateText matches ^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$.
func isDateText(b []byte) bool {
	if len(b) != 4 && len(b) != 7 && len(b) != 10 {
		return false
	}
	for i, c := range b {
		if (i == 4 || i == 7) != (c == '-') || (c != '-' && !isDigit(c)) {
			return false
		}
	}
	return true
}
