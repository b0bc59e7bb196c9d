package neo4j

import (
	"errors"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/assert"
)

// TestClassifyRetryLimit checks the message when the driver gives up
// retrying: one line, the last error's cause first, then how long it tried.
func TestClassifyRetryLimit(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
		is   error
	}{
		{"deadlock", &driver.TransactionExecutionLimit{Cause: "timeout (exceeded max retry time: 30s)", Errors: []error{
			errors.New("first"),
			&driver.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected", Msg: "ForsetiClient can't acquire\nmore lines"},
		}}, "neo4j: Neo.TransientError.Transaction.DeadlockDetected: ForsetiClient can't acquire (gave up after 2 attempts: timeout (exceeded max retry time: 30s))", nil},
		{"unreachable", &driver.TransactionExecutionLimit{Cause: "timeout (exceeded max retry time: 30s)", Errors: []error{
			&driver.ConnectivityError{Inner: errors.New("dial tcp 10.0.0.1:7687: connection refused")},
		}}, "", ErrUnavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := classify(tt.err, Config{URI: "neo4j://db.example:7687"})
			if tt.want != "" {
				assert.Equal(t, tt.want, got.Error())
			}
			if tt.is != nil {
				assert.ErrorIs(t, got, tt.is)
				assert.Contains(t, got.Error(), "gave up after 1 attempts")
			}
			assert.NotContains(t, got.Error(), "\n")
		})
	}
}
