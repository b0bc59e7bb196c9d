package cli

import (
	"context"
	"errors"

	"github.com/dyad-kg/dyad/queries"
)

// parseQuestion resolves a plain-English question against b's entities; a
// question or name dyad does not understand exits 2.
func parseQuestion(ctx context.Context, b queries.Backend, question string) (queries.Request, error) {
	ents, err := b.Entities(ctx)
	if err != nil {
		return queries.Request{}, err
	}
	req, err := queries.Parse(question, ents)
	if err != nil {
		var un *queries.UnknownNameError
		if errors.Is(err, queries.ErrUnknownQuestion) || errors.As(err, &un) {
			return queries.Request{}, &ExitError{Code: 2, Err: err}
		}
		return queries.Request{}, err
	}
	return req, nil
}

// answer runs a parsed question; a missing parameter, or a state or
// relation the graph does not have, exits 2.
func answer(ctx context.Context, b queries.Backend, req queries.Request) (*queries.Answer, error) {
	ans, err := queries.Run(ctx, b, req.Query, req.Params)
	if errors.Is(err, queries.ErrMissingParam) || errors.Is(err, queries.ErrInvalidParam) || errors.Is(err, queries.ErrNotFound) {
		return nil, &ExitError{Code: 2, Err: err}
	}
	return ans, err
}
