package neo4j

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ErrBookmarks means the server refused the bookmarks a connection was
// given, or could not reach the state they name in time.
var ErrBookmarks = errors.New("neo4j refused the bookmarks")

// BookmarkTTL is how long bookmarks saved in a bookmark file are used. A
// cluster member catches up with a commit within moments; the bound keeps
// bookmarks of a database since restored or recreated from being waited for.
const BookmarkTTL = 5 * time.Minute

// savedBookmarks is the content of a bookmark file.
type savedBookmarks struct {
	Saved     time.Time `json:"saved"`
	Bookmarks []string  `json:"bookmarks"`
}

// BookmarkPath returns the file in the user's cache folder that carries the
// bookmarks of the last write to database at uri from one dyad command to
// the next (a load, then an ask), or "" for a URI that does not route
// (bolt://: one server, which needs no bookmarks) or when there is no cache
// folder. The name is a hash of the URI without credentials and the
// database.
func BookmarkPath(uri, database string) string {
	if !routes(uri) {
		return ""
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	sum := sha256.Sum256([]byte(Redact(uri) + "\x00" + database))
	return filepath.Join(dir, "dyad", "bookmarks", hex.EncodeToString(sum[:12])+".json")
}

// routes reports whether uri uses a routing scheme: neo4j, neo4j+s, neo4j+ssc.
func routes(uri string) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(uri)), "neo4j")
}

// readBookmarks returns the bookmarks saved at path less than BookmarkTTL
// before now; none when the file is missing, unreadable or older.
func readBookmarks(path string, now time.Time) []string {
	if path == "" {
		return nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var s savedBookmarks
	if json.Unmarshal(b, &s) != nil || now.Sub(s.Saved) > BookmarkTTL || s.Saved.After(now.Add(time.Minute)) {
		return nil
	}
	return s.Bookmarks
}

// saveBookmarks writes the DB's bookmarks to its bookmark file, if it has
// one, replacing the file in one rename. It is best effort: a connection
// that cannot write its cache works as well, only without the guarantee
// across commands.
func (db *DB) saveBookmarks(ctx context.Context) {
	if db.bookmarkFile == "" {
		return
	}
	bms, err := db.bookmarks.GetBookmarks(ctx)
	if err != nil || len(bms) == 0 {
		return
	}
	b, err := json.Marshal(savedBookmarks{Saved: time.Now().UTC(), Bookmarks: bms})
	if err != nil {
		return
	}
	if err := os.MkdirAll(filepath.Dir(db.bookmarkFile), 0o700); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(db.bookmarkFile), ".bookmarks-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), db.bookmarkFile) != nil {
		_ = os.Remove(tmp.Name())
	}
}
