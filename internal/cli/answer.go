package cli

import (
	"context"

	"github.com/dyad-kg/dyad/queries"
)

// parseQuestion resolves a plain-English question against b's entities.
func parseQuestion(ctx context.Context, b queries.Backend, question string) (queries.Request, error) {
	ents, err := b.Entities(ctx)
	if err != nil {
		return queries.Request{}, err
	}
	return queries.Parse(question, ents)
}

// answer runs a parsed question.
func answer(ctx context.Context, b queries.Backend, req queries.Request) (*queries.Answer, error) {
	return queries.Run(ctx, b, req.Query, req.Params)
}
