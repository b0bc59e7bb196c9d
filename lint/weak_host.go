package lint

import (
	"net/url"
	"slices"
	"strings"
)

var _ = register(&Rule{
	Name:     "weak-host",
	Severity: Warning,
	Doc:      "A source whose URL is on a host the weak-host list names: a copy, an aggregator or an outlet to replace with the publisher's or the primary text.",
	check:    weakHost,
})

// DefaultWeakHosts are the hosts the weak-host rule knows without
// configuration; docs/lint.md says why each is on the list. A host covers
// its subdomains (en.wikipedia.org is under wikipedia.org). The lint
// section of dyad.yaml adds to the list (Config.WeakHosts).
var DefaultWeakHosts = []string{
	"docslib.org",
	"larouchepub.com",
	"sputnikglobe.com",
	"sputniknews.com",
	"urdupoint.com",
	"wikipedia.org",
}

// weakHost reports sources whose URL's host is, or is under, a weak host.
func weakHost(p *pass) {
	hosts := append(slices.Clone(DefaultWeakHosts), p.cfg.WeakHosts...)
	for _, s := range p.ds.Sources {
		if s.URL == "" {
			continue
		}
		u, err := url.Parse(strings.TrimSpace(s.URL))
		if err != nil {
			continue
		}
		host := strings.ToLower(u.Hostname())
		for _, w := range hosts {
			if host == w || strings.HasSuffix(host, "."+w) {
				p.report(s.Loc.At("url"), "source %s is on %s, which the weak-host list names: cite the publisher's copy or the primary text instead, or say in its description why this copy is kept",
					s.ID, w)
				break
			}
		}
	}
}
