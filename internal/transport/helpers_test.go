package transport

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const (
	testPlatform  = "testplat"
	testUserAgent = "terraform-provider-crm/test (+unit)"
)

// countingServer is an httptest server that counts the requests its handler
// sees; the handler gets the 1-based number of the current hit.
type countingServer struct {
	*httptest.Server
	hits atomic.Int64
}

func (s *countingServer) Hits() int { return int(s.hits.Load()) }

func newCountingServer(t *testing.T, h func(w http.ResponseWriter, r *http.Request, hit int)) *countingServer {
	t.Helper()
	s := &countingServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h(w, r, int(s.hits.Add(1)))
	}))
	t.Cleanup(s.Close)
	return s
}

// testConfig is a fast configuration: waits of a few milliseconds.
func testConfig(baseURL string) Config {
	return Config{
		Platform:       testPlatform,
		BaseURL:        baseURL,
		UserAgent:      testUserAgent,
		MaxRetries:     3,
		RequestTimeout: 5 * time.Second,
		RetryWaitMin:   time.Millisecond,
		RetryWaitMax:   5 * time.Millisecond,
		DecodeError:    decodeTestError,
	}
}

func newTestClient(t *testing.T, cfg Config) *Client {
	t.Helper()
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

// decodeTestError reads {"message": "...", "field": "..."} and calls a 404
// "not found", the way a platform decoder would.
func decodeTestError(status int, body []byte) *APIError {
	var doc struct {
		Message string `json:"message"`
		Field   string `json:"field"`
	}
	_ = json.Unmarshal(body, &doc)
	return &APIError{Message: doc.Message, Field: doc.Field, NotFound: status == http.StatusNotFound}
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// hijackAndClose reads the whole request, then drops the connection without
// answering: the server may have acted, the client cannot know.
func hijackAndClose(t *testing.T, w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	hj, ok := w.(http.Hijacker)
	if !ok {
		t.Error("response writer cannot hijack")
		return
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return
	}
	_ = conn.Close()
}

// bodyLog records request bodies seen by a handler, safely across goroutines.
type bodyLog struct {
	mu     sync.Mutex
	bodies []string
}

func (l *bodyLog) add(r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	l.mu.Lock()
	defer l.mu.Unlock()
	l.bodies = append(l.bodies, string(b))
}

func (l *bodyLog) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.bodies...)
}

// hang reads the request and then never answers, until the client goes away.
func hang(r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	select {
	case <-r.Context().Done():
	case <-time.After(3 * time.Second):
	}
}
