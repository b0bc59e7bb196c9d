package lint

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/dyad-kg/dyad/internal/suggest"
)

// Config changes what the rules report: the lint section of dyad.yaml.
//
//	lint:
//	  rules:
//	    coarse-locator: off        # turn a rule off
//	    weak-host: error           # or change its severity
//	  weak-hosts: [example.org]    # added to DefaultWeakHosts
//
// The zero Config runs every rule at its default severity.
type Config struct {
	// Rules maps rule names to the severity to report them at; Off turns
	// a rule off.
	Rules map[string]Severity
	// WeakHosts are hosts to add to DefaultWeakHosts for the weak-host
	// rule. A host also covers its subdomains.
	WeakHosts []string
}

// ParseConfig builds a Config from the lint section as written: rule names
// to severity names, and weak hosts. It reports every problem at once:
// unknown rules (with the nearest rule's name), unknown severities, and
// hosts that are not bare host names.
func ParseConfig(rules map[string]string, weakHosts []string) (Config, error) {
	cfg := Config{Rules: map[string]Severity{}}
	var problems []string
	names := make([]string, 0, len(rules))
	for n := range rules {
		names = append(names, n)
	}
	sort.Strings(names)
	var unknown []string
	for _, n := range names {
		if RuleByName(n) == nil {
			unknown = append(unknown, unknownRule(n))
			continue
		}
		s, err := ParseSeverity(rules[n])
		if err != nil {
			problems = append(problems, fmt.Sprintf("lint.rules.%s: %v", n, err))
			continue
		}
		cfg.Rules[n] = s
	}
	if len(unknown) > 0 {
		problems = append([]string{fmt.Sprintf("lint.rules: unknown rule %s (the rules are %s)",
			strings.Join(unknown, ", "), strings.Join(RuleNames(), ", "))}, problems...)
	}
	for _, h := range weakHosts {
		host, err := normalHost(h)
		if err != nil {
			problems = append(problems, fmt.Sprintf("lint.weak-hosts: %v", err))
			continue
		}
		cfg.WeakHosts = append(cfg.WeakHosts, host)
	}
	if len(problems) > 0 {
		return Config{}, fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	return cfg, nil
}

func unknownRule(name string) string {
	if s := suggest.Closest(name, RuleNames()); s != "" {
		return fmt.Sprintf("%s (did you mean %s?)", name, s)
	}
	return name
}

// normalHost returns h as a lowercase host name without "www.", or an
// error if h is not a bare host name (a URL, a path, a port).
func normalHost(h string) (string, error) {
	s := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(h)), "www.")
	u, err := url.Parse("https://" + s)
	// url.Parse takes "x.org:" (an empty port) as host "x.org:": refuse any
	// colon, and names that are not made of labels ("." or ".x").
	if s == "" || err != nil || u.Host != s || strings.Contains(s, ":") || !strings.Contains(s, ".") ||
		strings.HasPrefix(s, ".") || strings.HasSuffix(s, ".") || strings.Contains(s, "..") {
		return "", fmt.Errorf("%q is not a host name: want one such as example.org", h)
	}
	return s, nil
}

// Severity returns the severity r reports at under c; Off if c turns it off.
func (c Config) Severity(r *Rule) Severity {
	if s, ok := c.Rules[r.Name]; ok {
		return s
	}
	return r.Severity
}
