package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/dyad-kg/dyad/neo4j"
)

// warnLoadState writes one warning line to w when db holds part of a load
// split by --commit-every (running, or stopped part-way): answers and
// exports read from it may miss what that load has not written yet. A
// failure to read the state is not the command's failure: the question it
// runs next reports the same problem properly.
func warnLoadState(ctx context.Context, w io.Writer, db *neo4j.DB) {
	if st, err := db.LoadState(ctx); err == nil && st != nil {
		fmt.Fprintf(w, "dyad: warning: %s\n", st)
	}
}
