package cli

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// setVersion makes `dyad --version` print what the Go build info records:
// the module version and the commit it was built from.
func setVersion(root *cobra.Command) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		info = nil
	}
	root.Version = versionString(info)
	root.SetVersionTemplate("dyad {{.Version}}\n")
}

// versionString describes a build: "v1.2.0 (commit 5ba4056c1e2f, 2026-11-24T10:11:12Z)".
// A build from a checkout with no version tag has the module version
// "(devel)", shown as "devel"; a commit with uncommitted changes is marked
// "modified"; a build without VCS information says so.
func versionString(info *debug.BuildInfo) string {
	if info == nil {
		return "devel (no build information)"
	}
	version := info.Main.Version
	if version == "" || version == "(devel)" {
		version = "devel"
	}
	var rev, when string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return version + " (commit unknown: built without VCS information)"
	}
	parts := []string{"commit " + shortCommit(rev)}
	if when != "" {
		parts = append(parts, when)
	}
	if modified {
		parts = append(parts, "modified")
	}
	return fmt.Sprintf("%s (%s)", version, strings.Join(parts, ", "))
}

// shortCommit keeps the first 12 characters of a commit hash.
func shortCommit(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}
