// Package neo4j is Dyad's one door to Neo4j: it opens a checked connection,
// runs parameterised Cypher, and turns the driver's errors into a few clear
// ones that callers can test with errors.Is (ErrUnavailable, ErrAuth,
// ErrDatabaseNotFound, ErrSystemDatabase, ErrServerTooOld, ErrBookmarks).
//
// Packages loader and queries write and read through a *DB; nothing else in
// Dyad imports the Neo4j driver.
//
// A DB works the same on one server (bolt:// or neo4j://) and on a cluster or
// Aura (neo4j://, neo4j+s://): reads run in read transactions that the
// driver may route to secondaries, writes in write transactions that go to
// the leader, transactions that fail with a transient error (a leader
// change, a deadlock, a lost connection) are retried by the driver for up to
// Config.MaxRetryTime, and every transaction waits for the bookmarks of the
// DB's earlier writes, so that a read after a load sees the load.
package neo4j

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/dyad-kg/dyad/graph"
)

// Sentinel errors for the conditions a caller may handle.
var (
	// ErrUnavailable means Neo4j could not be reached at the URI.
	ErrUnavailable = graph.Sentinel(graph.EUNAVAILABLE, "neo4j is unavailable")
	// ErrAuth means the user name or password was refused.
	ErrAuth = graph.Sentinel(graph.EUNAVAILABLE, "neo4j refused the credentials")
	// ErrDatabaseNotFound means the named database does not exist.
	ErrDatabaseNotFound = graph.Sentinel(graph.EUNAVAILABLE, "neo4j database not found")
	// ErrServerTooOld means the server is older than MinVersion.
	ErrServerTooOld = graph.Sentinel(graph.EUNAVAILABLE, "neo4j server too old")
	// ErrSystemDatabase means the database named is Neo4j's administration
	// database, "system", which holds users and databases but no graph.
	ErrSystemDatabase = graph.Sentinel(graph.EINVALID, "neo4j database is the system database")
	// ErrTimedOut is returned when a read runs past the time ReadWithin
	// gave it and the server ends its transaction.
	ErrTimedOut = graph.Sentinel(graph.EUNAVAILABLE, "neo4j stopped the query at its time limit")
)

// SystemDatabase is the name of Neo4j's administration database. Database
// names are case-insensitive: "SYSTEM" names it too.
const SystemDatabase = "system"

// checkDatabase refuses a database Dyad cannot use whatever the server,
// before connecting: Neo4j's system database takes administration commands
// only, so each statement would fail with a SemanticError of its own.
func checkDatabase(name string) error {
	if strings.EqualFold(strings.TrimSpace(name), SystemDatabase) {
		return fmt.Errorf("%w: %q is Neo4j's administration database and holds no graph "+
			"(set NEO4J_DATABASE or --database to a user database such as %s)", ErrSystemDatabase, name, DefaultDatabase)
	}
	return nil
}

// MinVersion is the oldest Neo4j major version Dyad supports.
const MinVersion = 5

// Config is how to reach Neo4j.
type Config struct {
	URI      string
	Username string
	Password string
	// Database is the database name; empty means the server's default.
	Database string
	// ConnectTimeout bounds the first connection; zero means 10 seconds.
	ConnectTimeout time.Duration
	// MaxRetryTime bounds the driver's retries of a transaction that failed
	// with a transient error, counted from the transaction's first attempt;
	// zero means DefaultMaxRetryTime.
	MaxRetryTime time.Duration
	// Bookmarks are bookmarks of writes made elsewhere (DB.Bookmarks of
	// another process) that every transaction of the DB waits for.
	Bookmarks []string
	// BookmarkFile (see BookmarkPath) carries bookmarks from one process to
	// the next: Open adds those saved there less than BookmarkTTL ago to
	// Bookmarks (and forgets them if the server refuses them), and each
	// committed Write or Exec saves the DB's bookmarks there.
	BookmarkFile string
}

// DefaultMaxRetryTime is the driver's own default: long enough for a
// cluster to elect a new leader.
const DefaultMaxRetryTime = 30 * time.Second

// DB is an open, checked connection to one Neo4j database. It is safe for
// concurrent use.
type DB struct {
	driver    driver.DriverWithContext
	database  string
	version   string
	bookmarks driver.BookmarkManager
	// bookmarkFile is Config.BookmarkFile.
	bookmarkFile string
}

// Open connects to Neo4j and checks that it answers, that the credentials
// are accepted, that the database exists and that the server is Neo4j 5 or
// newer. Its errors are one line long and wrap the sentinel errors.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	saved := readBookmarks(cfg.BookmarkFile, time.Now())
	db, err := open(ctx, cfg, saved)
	if err != nil && len(saved) > 0 && errors.Is(err, ErrBookmarks) {
		_ = os.Remove(cfg.BookmarkFile) // a restored or recreated database: start afresh
		db, err = open(ctx, cfg, nil)
	}
	return db, err
}

func open(ctx context.Context, cfg Config, saved []string) (*DB, error) {
	if cfg.URI == "" {
		return nil, fmt.Errorf("%w: no URI given", ErrUnavailable)
	}
	if err := checkDatabase(cfg.Database); err != nil {
		return nil, err
	}
	timeout := cfg.ConnectTimeout
	if timeout == 0 {
		timeout = 10 * time.Second
	}
	auth := driver.NoAuth()
	if cfg.Username != "" || cfg.Password != "" {
		auth = driver.BasicAuth(cfg.Username, cfg.Password, "")
	}
	retry := cfg.MaxRetryTime
	if retry <= 0 {
		retry = DefaultMaxRetryTime
	}
	drv, err := driver.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		c.SocketConnectTimeout = timeout
		c.ConnectionAcquisitionTimeout = timeout
		c.MaxTransactionRetryTime = retry
	})
	if err != nil {
		return nil, fmt.Errorf("%w: invalid URI %q: %v", ErrUnavailable, Redact(cfg.URI), oneLine(err))
	}
	initial := append(slices.Clip(cfg.Bookmarks), saved...)
	db := &DB{driver: drv, database: cfg.Database, bookmarkFile: cfg.BookmarkFile,
		bookmarks: driver.NewBookmarkManager(driver.BookmarkManagerConfig{InitialBookmarks: initial})}
	cctx, cancel := context.WithTimeout(ctx, timeout+5*time.Second)
	defer cancel()
	if err := drv.VerifyConnectivity(cctx); err != nil {
		_ = drv.Close(ctx)
		return nil, classify(err, cfg)
	}
	recs, err := db.Read(cctx, "CALL dbms.components() YIELD name, versions RETURN versions[0] AS version", nil)
	if err != nil {
		_ = drv.Close(ctx)
		return nil, classify(err, cfg)
	}
	if len(recs) > 0 {
		db.version, _ = recs[0]["version"].(string)
	}
	if major, _ := strconv.Atoi(strings.SplitN(db.version, ".", 2)[0]); major < MinVersion {
		_ = drv.Close(ctx)
		return nil, fmt.Errorf("%w: %s runs Neo4j %s; Dyad needs %d or newer", ErrServerTooOld, Redact(cfg.URI), db.version, MinVersion)
	}
	return db, nil
}

// Close closes the connection pool.
func (db *DB) Close(ctx context.Context) error { return db.driver.Close(ctx) }

// Version is the server's version, such as "5.26.0".
func (db *DB) Version() string { return db.version }

// Database is the database name ("" for the server's default).
func (db *DB) Database() string { return db.database }

// Bookmarks returns the bookmarks of the DB's writes so far: pass them as
// Config.Bookmarks to make another connection (another process) wait for
// them.
func (db *DB) Bookmarks(ctx context.Context) ([]string, error) {
	return db.bookmarks.GetBookmarks(ctx)
}

// Record is one result row: its columns by name, with Go values (string,
// int64, float64, bool, nil, []any, map[string]any), never driver types.
type Record map[string]any

// records converts the driver's records.
func records(rs []*driver.Record) []Record {
	out := make([]Record, len(rs))
	for i, r := range rs {
		out[i] = r.AsMap()
	}
	return out
}

// Read runs a read query with parameters in a read transaction (routed to
// a secondary in a cluster, retried on transient errors) and returns all its
// records.
func (db *DB) Read(ctx context.Context, cypher string, params map[string]any) ([]Record, error) {
	return db.ReadWithin(ctx, 0, cypher, params)
}

// ReadWithin is Read with a time limit the server enforces (the
// transaction timeout; 0: the server's default): a read that runs past it
// is stopped and returns ErrTimedOut.
func (db *DB) ReadWithin(ctx context.Context, limit time.Duration, cypher string, params map[string]any) ([]Record, error) {
	opts := []driver.ExecuteQueryConfigurationOption{driver.ExecuteQueryWithDatabase(db.database),
		driver.ExecuteQueryWithReadersRouting(), driver.ExecuteQueryWithBookmarkManager(db.bookmarks)}
	if limit > 0 {
		opts = append(opts, driver.ExecuteQueryWithTransactionConfig(driver.WithTxTimeout(limit)))
	}
	res, err := driver.ExecuteQuery(ctx, db.driver, cypher, params, driver.EagerResultTransformer, opts...)
	if err != nil {
		return nil, classify(err, Config{Database: db.database})
	}
	return records(res.Records), nil
}

// Stream runs a read query and calls fn with each record's values, in the
// order of its RETURN columns, as they arrive, so that a large result is
// never held in memory at once. A retry after a transient error calls fn
// again from the first record.
func (db *DB) Stream(ctx context.Context, cypher string, params map[string]any, fn func(values []any) error) error {
	s := db.session(ctx, driver.AccessModeRead)
	defer func() { _ = s.Close(ctx) }()
	_, err := s.ExecuteRead(ctx, func(tx driver.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		for res.Next(ctx) {
			if err := fn(res.Record().Values); err != nil {
				return nil, err
			}
		}
		return nil, res.Err()
	})
	return classify(err, Config{Database: db.database})
}

// Tx is a write transaction in progress.
type Tx struct {
	run     runner // the managed transaction, or tx
	tx      driver.ExplicitTransaction
	session driver.SessionWithContext
	commits int
	inDoubt bool
}

// runner is what a managed and an explicit transaction share.
type runner interface {
	Run(ctx context.Context, cypher string, params map[string]any) (driver.ResultWithContext, error)
}

// errCheckpoint stops a managed transaction whose work wants checkpoints, so
// that Write runs the work again in explicit transactions.
var errCheckpoint = errors.New("neo4j: Checkpoint needs an explicit transaction")

// errDryRun rolls back a managed transaction that was not to be committed.
var errDryRun = errors.New("neo4j: dry run, rolled back")

// Checkpoint commits the writes so far and carries on in a new transaction.
// A later failure then rolls back only what follows the last checkpoint, so
// use it only where giving up atomicity is acceptable (loads too large for
// the server's transaction memory).
func (t *Tx) Checkpoint(ctx context.Context) error {
	if t.tx == nil {
		return errCheckpoint
	}
	if err := t.commit(ctx); err != nil {
		return fmt.Errorf("committing: %w", err)
	}
	tx, err := t.session.BeginTransaction(ctx, driver.WithTxTimeout(0))
	if err != nil {
		return fmt.Errorf("starting the next transaction: %w", err)
	}
	t.tx, t.run = tx, tx
	return nil
}

// commit commits the transaction and counts it. A commit the server
// answered with an error did not happen; one that got no answer (the
// connection broke or ctx ended while waiting) may have: InDoubt then
// reports it.
func (t *Tx) commit(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err // nothing sent
	}
	err := t.tx.Commit(ctx)
	if err == nil {
		t.commits++
		return nil
	}
	var nerr *driver.Neo4jError
	var uerr *driver.UsageError
	if !errors.As(err, &nerr) && !errors.As(err, &uerr) {
		t.inDoubt = true
	}
	return err
}

// Commits counts the transactions committed so far: the checkpoints, and
// the last one once DB.Write has committed it.
func (t *Tx) Commits() int { return t.commits }

// InDoubt reports whether a commit was sent but got no reply, so that the
// transaction may or may not have been committed (it is not in Commits).
func (t *Tx) InDoubt() bool { return t.inDoubt }

// Run runs one parameterised statement in the transaction and returns its
// records.
func (t *Tx) Run(ctx context.Context, cypher string, params map[string]any) ([]Record, error) {
	res, err := t.run.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	rs, err := res.Collect(ctx)
	return records(rs), err
}

// Stream runs one parameterised statement in the transaction and calls fn
// with each record's values as they arrive, so that a large result is
// never held at once.
func (t *Tx) Stream(ctx context.Context, cypher string, params map[string]any, fn func(values []any) error) error {
	res, err := t.run.Run(ctx, cypher, params)
	if err != nil {
		return err
	}
	for res.Next(ctx) {
		if err := fn(res.Record().Values); err != nil {
			return err
		}
	}
	return res.Err()
}

// writeLoad runs a load's fn in explicit transactions, never retried by
// the driver: a load counts its commits and knows a commit that got no reply
// (Tx.InDoubt), which a retry would hide, and a load is completed by running
// it again (it is idempotent).
func (db *DB) writeLoad(ctx context.Context, commit bool, fn func(*Tx) error) error {
	err := db.writeExplicit(ctx, commit, fn)
	if commit && err == nil {
		db.saveBookmarks(ctx)
	}
	return classify(err, Config{Database: db.database})
}

// Write runs fn in one write transaction (sent to the leader in a cluster)
// and commits it if fn returns nil and commit is true; otherwise it rolls
// back, so either all of fn's writes happen or none do. Use commit=false for
// a dry run.
//
// The transaction is the driver's managed kind: when it fails with a
// transient error (a leader change, a deadlock, a lost connection) the
// driver rolls it back and calls fn again, for up to Config.MaxRetryTime
// since the first attempt, so fn must give the same result when run twice
// (MERGE on ids does). If fn calls Tx.Checkpoint, which a managed
// transaction cannot do, the first attempt is rolled back and fn runs again
// in explicit transactions that Checkpoint commits; those are not retried,
// and a failure leaves the checkpoints before it committed.
func (db *DB) Write(ctx context.Context, commit bool, fn func(*Tx) error) error {
	err := db.writeManaged(ctx, commit, fn)
	if errors.Is(err, errCheckpoint) {
		err = db.writeExplicit(ctx, commit, fn)
	}
	if commit && err == nil {
		db.saveBookmarks(ctx)
	}
	return classify(err, Config{Database: db.database})
}

func (db *DB) writeManaged(ctx context.Context, commit bool, fn func(*Tx) error) error {
	s := db.session(ctx, driver.AccessModeWrite)
	defer s.Close(ctx)
	_, err := s.ExecuteWrite(ctx, func(tx driver.ManagedTransaction) (any, error) {
		if err := fn(&Tx{run: tx}); err != nil {
			return nil, err
		}
		if !commit {
			return nil, errDryRun
		}
		return nil, nil
	}, driver.WithTxTimeout(0))
	if errors.Is(err, errDryRun) {
		return nil
	}
	return err
}

func (db *DB) writeExplicit(ctx context.Context, commit bool, fn func(*Tx) error) error {
	s := db.session(ctx, driver.AccessModeWrite)
	defer func() { _ = s.Close(ctx) }()
	tx, err := s.BeginTransaction(ctx, driver.WithTxTimeout(0))
	if err != nil {
		return err
	}
	t := &Tx{run: tx, tx: tx, session: s}
	if err := fn(t); err != nil {
		_ = t.tx.Rollback(context.WithoutCancel(ctx))
		return err
	}
	if !commit {
		return t.tx.Rollback(ctx)
	}
	return t.commit(ctx)
}

// Exec runs one statement in an auto-commit transaction of its own, as
// schema commands (CREATE CONSTRAINT) and CALL { ... } IN TRANSACTIONS need.
// It goes to the leader in a cluster and waits for the DB's bookmarks, but
// the driver does not retry auto-commit transactions.
func (db *DB) Exec(ctx context.Context, cypher string, params map[string]any) error {
	s := db.session(ctx, driver.AccessModeWrite)
	defer func() { _ = s.Close(ctx) }()
	res, err := s.Run(ctx, cypher, params)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err == nil {
		db.saveBookmarks(ctx)
	}
	return classify(err, Config{Database: db.database})
}

func (db *DB) session(ctx context.Context, mode driver.AccessMode) driver.SessionWithContext {
	return db.driver.NewSession(ctx, driver.SessionConfig{DatabaseName: db.database, AccessMode: mode, FetchSize: 10000,
		BookmarkManager: db.bookmarks})
}

// classify turns a driver error into a one-line error wrapping a sentinel
// where one applies.
func classify(err error, cfg Config) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, ErrUnavailable) || errors.Is(err, ErrAuth) || errors.Is(err, ErrDatabaseNotFound) || errors.Is(err, ErrServerTooOld) ||
		errors.Is(err, ErrBookmarks) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var limit *driver.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		last := classify(limit.Errors[len(limit.Errors)-1], cfg)
		return fmt.Errorf("%w (gave up after %d attempts: %s)", last, len(limit.Errors), limit.Cause)
	}
	var nerr *driver.Neo4jError
	if errors.As(err, &nerr) {
		switch {
		case strings.HasPrefix(nerr.Code, "Neo.ClientError.Security.AuthenticationRateLimit"):
			return fmt.Errorf("%w (user %q): too many failed logins; wait a few seconds and try again", ErrAuth, cfg.Username)
		case strings.HasPrefix(nerr.Code, "Neo.ClientError.Security.Unauthorized"),
			strings.HasPrefix(nerr.Code, "Neo.ClientError.Security.CredentialsExpired"):
			return fmt.Errorf("%w (user %q): check NEO4J_USERNAME and NEO4J_PASSWORD", ErrAuth, cfg.Username)
		case strings.Contains(nerr.Code, "Bookmark"):
			return fmt.Errorf("%w: %s: %s", ErrBookmarks, nerr.Code, oneLine(errors.New(nerr.Msg)))
		case isTransactionMemory(nerr.Code):
			return fmt.Errorf("%w (%s: %s): %s", ErrTransactionMemory, nerr.Code, oneLine(errors.New(nerr.Msg)), transactionMemoryHint)
		case strings.HasPrefix(nerr.Code, "Neo.ClientError.Transaction.TransactionTimedOut"):
			return fmt.Errorf("%w (%s)", ErrTimedOut, nerr.Code)
		case nerr.Code == "Neo.ClientError.Database.DatabaseNotFound":
			return fmt.Errorf("%w: %q (set NEO4J_DATABASE to an existing database)", ErrDatabaseNotFound, cfg.Database)
		}
		return fmt.Errorf("neo4j: %s: %s", nerr.Code, oneLine(errors.New(nerr.Msg)))
	}
	var cerr *driver.ConnectivityError
	if errors.As(err, &cerr) || driver.IsConnectivityError(err) {
		where := Redact(cfg.URI)
		if where == "" {
			where = "the server"
		}
		return fmt.Errorf("%w at %s: %s (is it running? start it with 'scripts/neo4j start' or 'docker compose up -d')", ErrUnavailable, where, oneLine(err))
	}
	return fmt.Errorf("neo4j: %s", oneLine(err))
}

// Redact removes any user name and password from a URI, for messages.
func Redact(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.User == nil {
		if i := strings.Index(uri, "@"); i >= 0 {
			if j := strings.Index(uri, "://"); j >= 0 && j < i {
				return uri[:j+3] + "***@" + uri[i+1:]
			}
		}
		return uri
	}
	u.User = nil
	return u.String()
}

func oneLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// planOp is an operator's line in the text of a plan:
// "| | +NodeUniqueIndexSeek(Locking)   | 37 | ...".
var planOp = regexp.MustCompile(`^\|[ |\\]*\+([A-Za-z][A-Za-z()]*)`)

// planOperators reads every operator of p, depth first, from the text
// Neo4j sends with it (its root's "string-representation"), as
// "Name@neo4j". The tree is not walked: the driver's Plan.Children (v5.28,
// built for Go 1.18) returns the last child in every slot, so a walk misses
// the other branches, such as an Apply's left side.
func planOperators(p driver.Plan) []string {
	if p == nil {
		return nil
	}
	text, _ := p.Arguments()["string-representation"].(string)
	var ops []string
	for _, line := range strings.Split(text, "\n") {
		if m := planOp.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			ops = append(ops, m[1]+"@neo4j")
		}
	}
	return ops
}

// Explain returns the operators of the plan Neo4j would run for cypher with
// params (EXPLAIN: nothing is executed), depth first, such as
// "NodeUniqueIndexSeek@neo4j" or "AllNodesScan@neo4j".
func (db *DB) Explain(ctx context.Context, cypher string, params map[string]any) ([]string, error) {
	res, err := driver.ExecuteQuery(ctx, db.driver, "EXPLAIN "+cypher, params, driver.EagerResultTransformer,
		driver.ExecuteQueryWithDatabase(db.database), driver.ExecuteQueryWithReadersRouting(),
		driver.ExecuteQueryWithBookmarkManager(db.bookmarks))
	if err != nil {
		return nil, classify(err, Config{Database: db.database})
	}
	if ops := planOperators(res.Summary.Plan()); len(ops) > 0 {
		return ops, nil
	}
	var ops []string
	var walk func(p driver.Plan)
	walk = func(p driver.Plan) {
		if p == nil {
			return
		}
		ops = append(ops, p.Operator())
		for _, c := range p.Children() {
			walk(c)
		}
	}
	walk(res.Summary.Plan())
	return ops, nil
}
