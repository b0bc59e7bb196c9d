package loader_test

import (
	"bytes"
	"context"
	"net"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/neo4j"
)

// commitMessage is a Bolt COMMIT message as the driver sends it: a chunk of
// two bytes (an empty struct, signature 0x12) and the end-of-message marker.
var commitMessage = []byte{0x00, 0x02, 0xB0, 0x12, 0x00, 0x00}

// replyLoser is a TCP proxy in front of the test Neo4j that, once armed,
// loses the server's reply to a chosen COMMIT: the commit reaches the
// server and happens, the reply is read and thrown away, and the client's
// connection is closed, as when a network drops at the worst moment.
type replyLoser struct {
	ln net.Listener
	// skip is how many more COMMITs pass before the one whose reply is lost;
	// negative means disarmed.
	skip atomic.Int64
	wg   sync.WaitGroup
}

// newReplyLoser starts the proxy and returns it with a DB connected
// through it; both are closed when the test ends.
func newReplyLoser(t *testing.T) (*replyLoser, *neo4j.DB) {
	t.Helper()
	cfg := testenv.Neo4jConfig(t)
	u, err := url.Parse(cfg.URI)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &replyLoser{ln: ln}
	p.skip.Store(-1)
	p.wg.Add(1)
	go p.accept(u.Host)
	t.Cleanup(func() { _ = ln.Close(); p.wg.Wait() })
	cfg.URI = "bolt://" + ln.Addr().String()
	db, err := neo4j.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close(context.Background()) })
	return p, db
}

// loseReply arms the proxy: after n more COMMITs, the reply to the next one
// is lost.
func (p *replyLoser) loseReply(n int) { p.skip.Store(int64(n)) }

func (p *replyLoser) accept(server string) {
	defer p.wg.Done()
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		s, err := net.Dial("tcp", server)
		if err != nil {
			_ = c.Close()
			continue
		}
		var lose atomic.Bool
		p.wg.Add(2)
		go func() { defer p.wg.Done(); p.toServer(c, s, &lose) }()
		go func() { defer p.wg.Done(); toClient(s, c, &lose) }()
	}
}

// toServer copies the client's bytes to the server, marking the connection
// when the COMMIT whose reply is to be lost goes through.
func (p *replyLoser) toServer(c, s net.Conn, lose *atomic.Bool) {
	defer func() { _ = s.Close() }()
	buf := make([]byte, 64<<10)
	var tail []byte
	for {
		n, err := c.Read(buf)
		if n > 0 {
			window := append(tail, buf[:n]...)
			for k := bytes.Count(window, commitMessage); k > 0; k-- {
				if left := p.skip.Load(); left == 0 {
					p.skip.Store(-1)
					lose.Store(true)
				} else if left > 0 {
					p.skip.Store(left - 1)
				}
			}
			tail = append([]byte(nil), window[max(0, len(window)-len(commitMessage)+1):]...)
			if _, err := s.Write(buf[:n]); err != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// toClient copies the server's bytes to the client, unless the connection
// is marked: then the reply is swallowed and the client cut off.
func toClient(s, c net.Conn, lose *atomic.Bool) {
	defer func() { _ = c.Close() }()
	buf := make([]byte, 64<<10)
	for {
		n, err := s.Read(buf)
		if lose.Load() {
			return // the reply (now read) is dropped; closing c loses it
		}
		if n > 0 {
			if _, err := c.Write(buf[:n]); err != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}
