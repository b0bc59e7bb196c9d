package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/dyad-kg/dyad/lint"
	"github.com/dyad-kg/dyad/neo4j"
)

// Config is every setting a command can read, from (highest first) flags,
// environment variables, the config file, and defaults.
type Config struct {
	// Data is the dataset folder; empty means the dataset built into dyad.
	Data string `mapstructure:"data"`
	// Neo4j holds the connection settings. The environment variables are
	// those Neo4j's own tools use: NEO4J_URI, NEO4J_USERNAME,
	// NEO4J_PASSWORD, NEO4J_DATABASE.
	Neo4j Neo4jConfig `mapstructure:"neo4j"`
	// Lint is the lint section as written; LintRules is it checked.
	Lint      LintConfig  `mapstructure:"lint"`
	LintRules lint.Config `mapstructure:"-"`
	// File is the config file that was read, if any.
	File string `mapstructure:"-"`
	// Sources says where each setting (by key, as in settingKeys) came from:
	// "flag --uri", "environment NEO4J_URI", "file PATH" or "default".
	Sources map[string]string `mapstructure:"-"`
}

// settingKeys are the settings, in the order dyad config shows them.
var settingKeys = []string{"data", "neo4j.uri", "neo4j.username", "neo4j.password", "neo4j.database"}

// Neo4jConfig is how to reach Neo4j.
type Neo4jConfig struct {
	URI      string `mapstructure:"uri"`
	Username string `mapstructure:"username"`
	Password string `mapstructure:"password"`
	Database string `mapstructure:"database"`
	// Configured reports whether a URI was given by flag, environment or
	// config file rather than by default.
	Configured bool `mapstructure:"-"`
}

// LintConfig is the lint section of the config file, for dyad lint:
//
//	lint:
//	  rules:                  # rule: off, info, warning or error
//	    coarse-locator: off
//	    weak-host: error
//	  weak-hosts: [example.org]  # added to the default weak-host list
type LintConfig struct {
	Rules     map[string]string `mapstructure:"rules"`
	WeakHosts []string          `mapstructure:"weak-hosts"`
}

// isLintKey reports whether key is a setting of the lint section.
func isLintKey(key string) bool {
	return key == "lint.weak-hosts" || strings.HasPrefix(key, "lint.rules.")
}

// Default connection settings: the library's (neo4j.ConfigFromEnv), so that
// a program and the command connect alike.
const (
	DefaultURI      = neo4j.DefaultURI
	DefaultUsername = neo4j.DefaultUsername
	DefaultDatabase = neo4j.DefaultDatabase
)

// String describes the connection without its password.
func (c Neo4jConfig) String() string {
	return fmt.Sprintf("%s (user %s, database %s)", c.URI, c.Username, c.Database)
}

var envKeys = map[string]string{
	"neo4j.uri":      neo4j.EnvURI,
	"neo4j.username": neo4j.EnvUsername,
	"neo4j.password": neo4j.EnvPassword,
	"neo4j.database": neo4j.EnvDatabase,
	"data":           "DYAD_DATA",
}

// flagKeys maps flag names to config keys.
var flagKeys = map[string]string{
	"uri":      "neo4j.uri",
	"username": "neo4j.username",
	"password": "neo4j.password",
	"database": "neo4j.database",
	"data":     "data",
}

// loadConfig resolves the Config for cmd: flags > env > config file > defaults.
func loadConfig(cmd *cobra.Command, configFile string) (*Config, error) {
	v := viper.New()
	v.SetDefault("neo4j.uri", DefaultURI)
	v.SetDefault("neo4j.username", DefaultUsername)
	v.SetDefault("neo4j.password", "")
	v.SetDefault("neo4j.database", DefaultDatabase)
	v.SetDefault("data", "")
	for key, env := range envKeys {
		if err := v.BindEnv(key, env); err != nil {
			return nil, err
		}
	}
	var bindErr error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if key, ok := flagKeys[f.Name]; ok && bindErr == nil {
			bindErr = v.BindPFlag(key, f)
		}
	})
	if bindErr != nil {
		return nil, bindErr
	}
	if configFile == "" {
		configFile = os.Getenv("DYAD_CONFIG")
	}
	explicit := configFile != ""
	if !explicit {
		configFile = findConfig()
	}
	if configFile != "" {
		v.SetConfigFile(configFile)
	}
	if err := v.ReadInConfig(); err != nil {
		var notFound viper.ConfigFileNotFoundError
		if explicit || !errors.As(err, &notFound) {
			name := configFile
			if name == "" {
				name = v.ConfigFileUsed()
			}
			msg := strings.ReplaceAll(err.Error(), "\n", " ")
			return nil, fmt.Errorf("config file %s: %s", name, msg)
		}
	}
	var unknown []string
	for _, k := range v.AllKeys() {
		if _, ok := envKeys[k]; !ok && !isLintKey(k) && v.InConfig(k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, fmt.Errorf("config file %s: unknown setting %s (want data, neo4j.uri, neo4j.username, neo4j.password, neo4j.database, lint.rules, lint.weak-hosts)",
			v.ConfigFileUsed(), strings.Join(unknown, ", "))
	}
	cfg := &Config{File: v.ConfigFileUsed()}
	if err := v.Unmarshal(cfg); err != nil {
		return nil, fmt.Errorf("config file %s: %w", cfg.File, err)
	}
	var err error
	if cfg.LintRules, err = lint.ParseConfig(cfg.Lint.Rules, cfg.Lint.WeakHosts); err != nil {
		return nil, fmt.Errorf("config file %s: %w", cfg.File, err)
	}
	cfg.Sources = settingSources(cmd, v)
	cfg.Neo4j.Configured = cfg.Sources["neo4j.uri"] != sourceDefault
	cfg.Neo4j.URI = strings.TrimSpace(cfg.Neo4j.URI)
	return cfg, nil
}

// configNames are the files dyad reads its settings from, in this order, in
// the working directory and then in the user config dir's dyad folder. Only
// these names: a file called just "dyad" (the binary, built with go build)
// is never taken for a config file.
var configNames = []string{"dyad.yaml", "dyad.yml"}

// findConfig returns the first config file that exists, or "".
func findConfig() string {
	dirs := []string{"."}
	if dir, err := os.UserConfigDir(); err == nil {
		dirs = append(dirs, filepath.Join(dir, "dyad"))
	}
	for _, d := range dirs {
		for _, n := range configNames {
			p := filepath.Join(d, n)
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				return p
			}
		}
	}
	return ""
}

const sourceDefault = "default"

// settingSources says where each setting's value comes from, by the same
// precedence viper applies: a flag given, a non-empty environment variable,
// the config file, the default.
func settingSources(cmd *cobra.Command, v *viper.Viper) map[string]string {
	flagOf := map[string]string{}
	for f, k := range flagKeys {
		flagOf[k] = f
	}
	src := map[string]string{}
	for _, k := range settingKeys {
		f := cmd.Flags().Lookup(flagOf[k])
		switch {
		case f != nil && f.Changed:
			src[k] = "flag --" + f.Name
		case os.Getenv(envKeys[k]) != "":
			src[k] = "environment " + envKeys[k]
		case v.InConfig(k):
			src[k] = "file " + v.ConfigFileUsed()
		default:
			src[k] = sourceDefault
		}
	}
	return src
}

// addNeo4jFlags adds the connection flags to cmd.
func addNeo4jFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.String("uri", "", "Neo4j URI (env NEO4J_URI; default "+DefaultURI+")")
	f.String("username", "", "Neo4j user (env NEO4J_USERNAME; default "+DefaultUsername+")")
	f.String("password", "", "Neo4j password (env NEO4J_PASSWORD)")
	f.String("database", "", "Neo4j database (env NEO4J_DATABASE; default "+DefaultDatabase+")")
}
