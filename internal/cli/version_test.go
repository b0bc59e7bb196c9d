package cli

import (
	"runtime/debug"
	"testing"
)

func TestVersionString(t *testing.T) {
	rev := []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "5ba4056c1e2f9a8b7c6d5e4f3a2b1c0d9e8f7a6b"},
		{Key: "vcs.time", Value: "2026-11-24T10:11:12Z"},
	}
	modified := append(append([]debug.BuildSetting{}, rev...), debug.BuildSetting{Key: "vcs.modified", Value: "true"})
	clean := append(append([]debug.BuildSetting{}, rev...), debug.BuildSetting{Key: "vcs.modified", Value: "false"})
	tests := []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"release", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}, Settings: clean},
			"v1.2.0 (commit 5ba4056c1e2f, 2026-11-24T10:11:12Z)"},
		{"devel checkout, uncommitted changes", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: modified},
			"devel (commit 5ba4056c1e2f, 2026-11-24T10:11:12Z, modified)"},
		{"go install of a pseudo-version, no VCS", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261124101112-5ba4056c1e2f"}},
			"v0.0.0-20261124101112-5ba4056c1e2f (commit unknown: built without VCS information)"},
		{"empty version, no VCS", &debug.BuildInfo{}, "devel (commit unknown: built without VCS information)"},
		{"no build info", nil, "devel (no build information)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionString(tt.info); got != tt.want {
				t.Errorf("versionString = %q, want %q", got, tt.want)
			}
		})
	}
}
