package queries

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// paramOrder is the order ParamCommand writes parameters in: the question's
// subjects first, then its bounds.
var paramOrder = []string{"a", "b", "c", "others", "node", "source", "sign", "depth", "from", "to"}

// ParamCommand renders Cypher parameters (as CypherParams returns them) as
// Neo4j Browser's `:param {...}` command, which sets them all at once:
// strings single-quoted and escaped, nil as null, lists as lists.
func ParamCommand(params map[string]any) string {
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	rank := func(k string) int {
		if i := slices.Index(paramOrder, k); i >= 0 {
			return i
		}
		return len(paramOrder)
	}
	slices.SortFunc(keys, func(x, y string) int {
		if rx, ry := rank(x), rank(y); rx != ry {
			return rx - ry
		}
		return strings.Compare(x, y)
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": " + cypherLiteral(params[k])
	}
	return ":param {" + strings.Join(parts, ", ") + "}"
}

func cypherLiteral(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(x) + "'"
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case []string:
		parts := make([]string, len(x))
		for i, s := range x {
			parts[i] = cypherLiteral(s)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprintf("%v", v)
}
