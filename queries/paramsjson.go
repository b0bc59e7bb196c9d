package queries

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// allJSON is how JSON says that an answer lists every finding: "limit":
// "all", as `dyad ask --limit all` does.
const allJSON = "all"

// MarshalJSON writes p with its limit as `dyad ask --limit` takes it: absent
// for the question's default, a number N for at most N findings, "all" for
// every one (AllFindings, which is Go's own marker).
func (p Params) MarshalJSON() ([]byte, error) {
	type plain Params
	out := struct {
		plain
		Limit any `json:"limit,omitempty"`
	}{plain: plain(p)}
	switch {
	case p.Limit < 0:
		out.Limit = allJSON
	case p.Limit > 0:
		out.Limit = p.Limit
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads p as MarshalJSON writes it; "limit" may also be 0
// for every finding, as `--limit 0` is (an absent limit is the default).
func (p *Params) UnmarshalJSON(b []byte) error {
	type plain Params
	in := struct {
		*plain
		Limit json.RawMessage `json:"limit,omitempty"`
	}{plain: (*plain)(p)}
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	p.Limit = 0
	if len(in.Limit) == 0 || bytes.Equal(in.Limit, []byte("null")) {
		return nil
	}
	var word string
	if json.Unmarshal(in.Limit, &word) == nil && word == allJSON {
		p.Limit = AllFindings
		return nil
	}
	var n int
	if err := json.Unmarshal(in.Limit, &n); err != nil || n < 0 {
		return fmt.Errorf("%w: limit %s: want a number of findings, or 0 or %q for every one", ErrInvalidParam, in.Limit, allJSON)
	}
	if n == 0 {
		n = AllFindings
	}
	p.Limit = n
	return nil
}
