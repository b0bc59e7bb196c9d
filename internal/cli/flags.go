package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

// addDeprecatedAlias adds --old as a hidden, deprecated spelling of --name
// (sharing its value), so scripts written for an older dyad keep working and
// are told the new name once on standard error.
func addDeprecatedAlias(cmd *cobra.Command, old, name string, p *string) {
	f := cmd.Flags()
	f.StringVar(p, old, "", "deprecated: use --"+name)
	_ = f.MarkHidden(old)
	prev := cmd.PreRunE
	cmd.PreRunE = func(c *cobra.Command, args []string) error {
		if c.Flags().Changed(old) {
			if c.Flags().Changed(name) {
				return usageError{fmt.Errorf("--%s is the old name of --%s: give one", old, name)}
			}
			fmt.Fprintf(c.ErrOrStderr(), "dyad: --%s is deprecated; use -%s/--%s\n", old, c.Flags().Lookup(name).Shorthand, name)
		}
		if prev != nil {
			return prev(c, args)
		}
		return nil
	}
}
