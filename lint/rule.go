package lint

import (
	"fmt"
	"slices"
	"strings"
)

// Severity says how much a Problem matters. Error fails dyad lint (exit
// status 1); Warning and Info are reported only.
type Severity int

// The severities, from none (a rule turned off) to error.
const (
	Off Severity = iota
	Info
	Warning
	Error
)

var severityNames = [...]string{"off", "info", "warning", "error"}

// String returns "off", "info", "warning" or "error".
func (s Severity) String() string {
	if s < Off || s > Error {
		return fmt.Sprintf("Severity(%d)", int(s))
	}
	return severityNames[s]
}

// MarshalText writes s as its name, for JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeverity parses "off", "info", "warning" or "error", in any case.
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return Severity(i), nil
		}
	}
	return Off, fmt.Errorf("invalid severity %q: want off, info, warning or error", s)
}

// Rule is one check. Each rule is defined in its own file and registered
// with register; Rules lists them.
type Rule struct {
	// Name identifies the rule in reports and in the lint section of
	// dyad.yaml: lowercase words joined by '-'.
	Name string
	// Severity is the rule's default severity.
	Severity Severity
	// Doc says what the rule finds, in one sentence.
	Doc string

	check func(*pass)
}

var rules []*Rule

// register adds r to the table of rules, kept sorted by name.
func register(r *Rule) *Rule {
	if r.Name == "" || strings.Trim(r.Name, "abcdefghijklmnopqrstuvwxyz-") != "" {
		panic(fmt.Sprintf("lint: bad rule name %q", r.Name))
	}
	if RuleByName(r.Name) != nil {
		panic(fmt.Sprintf("lint: rule %s registered twice", r.Name))
	}
	rules = append(rules, r)
	slices.SortFunc(rules, func(a, b *Rule) int { return strings.Compare(a.Name, b.Name) })
	return r
}

// Rules returns every rule, by name.
func Rules() []*Rule { return slices.Clone(rules) }

// RuleNames returns the names of every rule, sorted.
func RuleNames() []string {
	names := make([]string, len(rules))
	for i, r := range rules {
		names[i] = r.Name
	}
	return names
}

// RuleByName returns the rule called name, or nil.
func RuleByName(name string) *Rule {
	for _, r := range rules {
		if r.Name == name {
			return r
		}
	}
	return nil
}
