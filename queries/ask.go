package queries

import "context"

// Ask answers a plain-English question from backend b in one call: it lists
// the entities a question may name (b.Entities), maps the question onto the
// catalog (Parse) and runs it (Run). A question Ask does not understand, or
// a name it does not know, is an EINVALID error (graph.ErrorCode) that says
// why; a backend that cannot be read returns its own error.
func Ask(ctx context.Context, b Backend, question string) (*Answer, error) {
	ents, err := b.Entities(ctx)
	if err != nil {
		return nil, err
	}
	req, err := Parse(question, ents)
	if err != nil {
		return nil, err
	}
	return Run(ctx, b, req.Query, req.Params)
}
