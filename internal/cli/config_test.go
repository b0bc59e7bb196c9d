package cli_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConfigPrecedence checks flags > environment > config file, observed
// through the URI a failed connection names.
func TestConfigPrecedence(t *testing.T) {
	cfgFile := filepath.Join(t.TempDir(), "dyad.yaml")
	require.NoError(t, os.WriteFile(cfgFile, []byte("neo4j:\n  uri: bolt://127.0.0.1:2\n  password: from-file-pw\n"), 0o600))
	tests := []struct {
		name string
		env  string
		args []string
		want string
	}{
		{"config file", "", nil, "bolt://127.0.0.1:2"},
		{"env over file", "bolt://127.0.0.1:3", nil, "bolt://127.0.0.1:3"},
		{"flag over env", "bolt://127.0.0.1:3", []string{"--uri", "bolt://127.0.0.1:4"}, "bolt://127.0.0.1:4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("NEO4J_URI", tt.env)
			if tt.env == "" {
				os.Unsetenv("NEO4J_URI")
			}
			args := append([]string{"load", "--config", cfgFile, "--data", "../../testdata/small"}, tt.args...)
			code, _, errOut := run(t, args...)
			assert.Equal(t, 1, code)
			assert.Contains(t, errOut, "unavailable at "+tt.want)
			assert.NotContains(t, errOut, "from-file-pw")
		})
	}
	code, _, errOut := run(t, "validate", "--config", filepath.Join(t.TempDir(), "missing.yaml"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "config file")

	typo := filepath.Join(t.TempDir(), "typo.yaml")
	require.NoError(t, os.WriteFile(typo, []byte("dat: ./x\nneo4j:\n  urii: bolt://x\n"), 0o600))
	code, _, errOut = run(t, "validate", "--config", typo)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "unknown setting dat, neo4j.urii")
}

// TestConfigNotTheBinary checks that a file named "dyad" in the working
// directory (the binary go build writes) is not read as the config file,
// while dyad.yaml there is.
func TestConfigNotTheBinary(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "dyad"), []byte("\x7fELF\x02\x01\x01\x00binary"), 0o755))
	data, err := filepath.Abs("../../testdata/small")
	require.NoError(t, err)
	t.Chdir(dir)
	t.Setenv("HOME", dir)
	t.Setenv("XDG_CONFIG_HOME", dir)
	code, out, errOut := run(t, "validate", "--data", data)
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "valid")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "dyad.yaml"), []byte("neo4j:\n  urii: x\n"), 0o600))
	code, _, errOut = run(t, "validate", "--data", data)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "dyad.yaml: unknown setting neo4j.urii")
}
