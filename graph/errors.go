package graph

import (
	"errors"
	"fmt"
)

// Code classifies an error for the people and programs that handle it, as
// HTTP status codes do: Dyad's one error vocabulary. Every error a Dyad
// package returns maps to one code (ErrorCode), and each command maps codes
// to exit statuses in one place.
type Code string

// The error codes.
const (
	// EINVALID: the input is wrong (a dataset problem, an unknown question,
	// a bad flag or parameter). The user can fix it.
	EINVALID Code = "invalid"
	// ENOTFOUND: a name, id, relation or file the input refers to does not
	// exist.
	ENOTFOUND Code = "not_found"
	// ECONFLICT: the request clashes with the state of the store (another
	// load holds the lock, an id belongs to another kind).
	ECONFLICT Code = "conflict"
	// EUNAVAILABLE: a service Dyad needs cannot be used: Neo4j is down,
	// refuses the credentials, or the database does not exist.
	EUNAVAILABLE Code = "unavailable"
	// EINTERNAL: anything else; a bug or an unexpected failure.
	EINTERNAL Code = "internal"
)

// CodeError is an error with a code and a message fit to show a user. Err,
// if set, is the underlying cause, kept for errors.Is and errors.As.
type CodeError struct {
	Code    Code
	Message string
	Err     error
}

// Error returns the message, or the cause's when the message is empty.
func (e *CodeError) Error() string {
	switch {
	case e.Message != "":
		return e.Message
	case e.Err != nil:
		return e.Err.Error()
	}
	return string(e.Code)
}

// Unwrap returns the cause.
func (e *CodeError) Unwrap() error { return e.Err }

// ErrorCode returns e's code.
func (e *CodeError) ErrorCode() Code { return e.Code }

// Errorf returns a *CodeError with code and a formatted message. A %w verb
// in format keeps the wrapped error as the cause.
func Errorf(code Code, format string, args ...any) error {
	err := fmt.Errorf(format, args...)
	return &CodeError{Code: code, Message: err.Error(), Err: errors.Unwrap(err)}
}

// Coder is implemented by errors that know their code. Sentinel errors of
// other packages implement it so that wrapping them keeps the code.
type Coder interface {
	ErrorCode() Code
}

// Sentinel is an error value with a code, for errors.Is comparisons:
// var ErrNotFound = graph.Sentinel(graph.ENOTFOUND, "not found").
func Sentinel(code Code, msg string) error { return &sentinel{code, msg} }

type sentinel struct {
	code Code
	msg  string
}

func (s *sentinel) Error() string   { return s.msg }
func (s *sentinel) ErrorCode() Code { return s.code }

// ErrorCode returns the code of err: the code of the first error in its
// chain that has one, EINVALID for validation errors (ErrInvalid), "" for
// nil, and EINTERNAL otherwise.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	var c Coder
	if errors.As(err, &c) {
		return c.ErrorCode()
	}
	if errors.Is(err, ErrInvalid) {
		return EINVALID
	}
	return EINTERNAL
}
