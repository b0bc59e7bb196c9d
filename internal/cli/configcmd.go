package cli

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

// ConfigOptions are the inputs of dyad config.
type ConfigOptions struct {
	IO     *IO
	Config *Config
	Format string
}

// Setting is one line of dyad config: a setting, its effective value
// (passwords masked) and where the value came from.
type Setting struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Source string `json:"source"`
}

// masked stands for a password that is set; its length is not shown.
const masked = "********"

func newConfigCmd(e *env, runF func(*ConfigOptions) error) *cobra.Command {
	opts := &ConfigOptions{IO: e.io}
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Show the effective settings and where each came from",
		Long: `Config shows the settings the other commands would use with the same flags,
environment and config file, and where each value came from: a flag, an
environment variable, the config file, or the default (highest first).
Passwords are masked, in neo4j.password and in a URI alike.`,
		Example: `  dyad config
  NEO4J_URI=bolt://db:7687 dyad config --config ./dyad.yaml
  dyad config --format json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, "text", "json"); err != nil {
				return err
			}
			cfg, err := e.config(cmd)
			if err != nil {
				return err
			}
			opts.Config = cfg
			if runF != nil {
				return runF(opts)
			}
			return configRun(opts)
		},
	}
	addDataFlag(cmd)
	addNeo4jFlags(cmd)
	addFormatFlag(cmd, &opts.Format, "text", "json")
	return cmd
}

// effectiveSettings lists cfg's settings in settingKeys order, masked.
func effectiveSettings(cfg *Config) []Setting {
	values := map[string]string{
		"data":           cfg.Data,
		"neo4j.uri":      maskURI(cfg.Neo4j.URI),
		"neo4j.username": cfg.Neo4j.Username,
		"neo4j.password": cfg.Neo4j.Password,
		"neo4j.database": cfg.Neo4j.Database,
	}
	if values["neo4j.password"] != "" {
		values["neo4j.password"] = masked
	}
	out := make([]Setting, 0, len(settingKeys))
	for _, k := range settingKeys {
		out = append(out, Setting{Name: k, Value: values[k], Source: cfg.Sources[k]})
	}
	return out
}

// maskURI hides the password a URI may carry (bolt://user:pw@host).
func maskURI(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(not a valid URI; hidden, as it may hold a password)"
	}
	return u.Redacted() // the password, if any, as xxxxx
}

func configRun(opts *ConfigOptions) error {
	settings := effectiveSettings(opts.Config)
	if opts.Format == "json" {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			File     string    `json:"file"`
			Settings []Setting `json:"settings"`
		}{opts.Config.File, settings})
	}
	w := tabwriter.NewWriter(opts.IO.Out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "SETTING\tVALUE\tSOURCE")
	for _, s := range settings {
		v := s.Value
		if v == "" {
			v = "(not set)"
			if s.Name == "data" {
				v = "(the built-in dataset)"
			}
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", s.Name, v, s.Source)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.Out, "\nconfig file: %s\n", configFileNote(opts.Config.File))
	return nil
}

// configFileNote names the config file read, or where dyad looked for one.
func configFileNote(file string) string {
	if file != "" {
		return file
	}
	where := "./dyad.yaml"
	if dir, err := os.UserConfigDir(); err == nil {
		where += " or " + filepath.Join(dir, "dyad", "dyad.yaml")
	}
	return "none (looked for " + where + "; --config or DYAD_CONFIG names one)"
}
