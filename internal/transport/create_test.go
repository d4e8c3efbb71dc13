package transport

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
)

type createRecord struct{ ID int }

// createProbe scripts create's answers in order and counts both calls.
type createProbe struct {
	creates []func() (*createRecord, error)
	find    func() (*createRecord, error)
	nCreate int
	nFind   int
}

func (p *createProbe) create() (*createRecord, error) {
	p.nCreate++
	if p.nCreate > len(p.creates) {
		return nil, fmt.Errorf("create called %d times, only %d scripted", p.nCreate, len(p.creates))
	}
	return p.creates[p.nCreate-1]()
}

func (p *createProbe) findFn(findCtx context.Context) (*createRecord, error) {
	p.nFind++
	if findCtx.Err() != nil {
		return nil, fmt.Errorf("find got an ended context: %w", findCtx.Err())
	}
	if p.find == nil {
		return nil, errors.New("find must not be called")
	}
	return p.find()
}

// probeClient gives CreateOnce its platform name, max_retries (3) and
// retry waits (a few milliseconds); it sends nothing itself.
var probeClient, _ = New(testConfig("http://127.0.0.1:1"))

func (p *createProbe) run(ctx context.Context) (*createRecord, error) {
	return CreateOnce(ctx, probeClient, p.create, p.findFn)
}

func answer(id int) func() (*createRecord, error) {
	return func() (*createRecord, error) { return &createRecord{ID: id}, nil }
}

func failWith(err error) func() (*createRecord, error) {
	return func() (*createRecord, error) { return nil, err }
}

// errLost is an error without an answer: the outcome is unknown.
var errLost = errors.New("testplat API: POST /things: EOF")

func TestCreateOnceSuccessPassesThrough(t *testing.T) {
	p := &createProbe{creates: []func() (*createRecord, error){answer(1)}}
	got, err := p.run(context.Background())
	if err != nil || got == nil || got.ID != 1 {
		t.Fatalf("got %v, %v; want record 1", got, err)
	}
	if p.nCreate != 1 || p.nFind != 0 {
		t.Errorf("create %d times, find %d times; want 1, 0", p.nCreate, p.nFind)
	}
}

func TestCreateOnceAPIErrorPassesThrough(t *testing.T) {
	apiErr := &APIError{Platform: testPlatform, Method: "POST", Path: "/things", Status: 422, Message: "Validation failed"}
	for name, err := range map[string]error{
		"422":         apiErr,
		"wrapped 422": fmt.Errorf("wrapped: %w", apiErr),
		"429":         &APIError{Status: 429},
		"not sent":    fmt.Errorf("waiting for the rate limit: %w (%w)", context.DeadlineExceeded, errNotSent),
	} {
		t.Run(name, func(t *testing.T) {
			p := &createProbe{creates: []func() (*createRecord, error){failWith(err)}}
			got, gotErr := p.run(context.Background())
			if got != nil || !errors.Is(gotErr, err) {
				t.Errorf("got %v, %v; want nil, the same error", got, gotErr)
			}
			if p.nCreate != 1 || p.nFind != 0 {
				t.Errorf("create %d times, find %d times; want 1, 0", p.nCreate, p.nFind)
			}
		})
	}
}

func TestCreateOnceLostAnswerAdoptsFoundRecord(t *testing.T) {
	p := &createProbe{
		creates: []func() (*createRecord, error){failWith(errLost)},
		find:    func() (*createRecord, error) { return &createRecord{ID: 7}, nil },
	}
	got, err := p.run(context.Background())
	if err != nil || got == nil || got.ID != 7 {
		t.Fatalf("got %v, %v; want the found record 7", got, err)
	}
	if p.nCreate != 1 || p.nFind != 1 {
		t.Errorf("create %d times, find %d times; want 1, 1", p.nCreate, p.nFind)
	}
}

func TestCreateOnceLostAnswerNotFoundCreatesOnceMore(t *testing.T) {
	p := &createProbe{
		creates: []func() (*createRecord, error){failWith(errLost), answer(9)},
		find:    func() (*createRecord, error) { return nil, nil },
	}
	got, err := p.run(context.Background())
	if err != nil || got == nil || got.ID != 9 {
		t.Fatalf("got %v, %v; want the second create's record 9", got, err)
	}
	if p.nCreate != 2 || p.nFind != 1 {
		t.Errorf("create %d times, find %d times; want 2, 1", p.nCreate, p.nFind)
	}
}

// Every lost answer is reconciled, the retried create's too: a record the
// second attempt committed is adopted, not left as an orphan.
func TestCreateOnceEveryLostAnswerReconciled(t *testing.T) {
	second := errors.New("testplat API: POST /things: connection reset by peer")
	finds := 0
	p := &createProbe{
		creates: []func() (*createRecord, error){failWith(errLost), failWith(second)},
		find: func() (*createRecord, error) {
			finds++
			if finds == 2 { // the second attempt committed
				return &createRecord{ID: 12}, nil
			}
			return nil, nil
		},
	}
	got, err := p.run(context.Background())
	if err != nil || got == nil || got.ID != 12 {
		t.Fatalf("got %v, %v; want the record the second attempt made", got, err)
	}
	if p.nCreate != 2 || p.nFind != 2 {
		t.Errorf("create %d times, find %d times; want 2, 2", p.nCreate, p.nFind)
	}
}

// Attempts stop at max_retries (3): four creates, each reconciled, and the
// error says how many requests were sent.
func TestCreateOnceAttemptsBoundedByMaxRetries(t *testing.T) {
	unavailable := func() (*createRecord, error) {
		return nil, &APIError{Platform: testPlatform, Method: "POST", Path: "/things", Status: 503, Message: "busy", Attempts: 1}
	}
	p := &createProbe{
		creates: []func() (*createRecord, error){unavailable, unavailable, unavailable, unavailable},
		find:    func() (*createRecord, error) { return nil, nil },
	}
	_, err := p.run(context.Background())
	apiErr, ok := AsAPIError(err)
	if !ok || apiErr.Status != 503 || apiErr.Attempts != 4 {
		t.Fatalf("err = %v, want the 503 after 4 attempts", err)
	}
	if !strings.Contains(err.Error(), "(after 4 attempts)") {
		t.Errorf("error %q does not count the attempts", err)
	}
	if p.nCreate != 4 || p.nFind != 4 {
		t.Errorf("create %d times, find %d times; want 4, 4", p.nCreate, p.nFind)
	}
}

func TestCreateOnceFindErrorMentionsBoth(t *testing.T) {
	findErr := &APIError{Platform: testPlatform, Method: "GET", Path: "/things", Status: 503, Message: "list unavailable"}
	p := &createProbe{
		creates: []func() (*createRecord, error){failWith(errLost)},
		find:    func() (*createRecord, error) { return nil, findErr },
	}
	got, err := p.run(context.Background())
	if got != nil || err == nil {
		t.Fatalf("got %v, %v; want an error", got, err)
	}
	msg := err.Error()
	for _, want := range []string{errLost.Error(), "list unavailable", testPlatform} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	if !errors.Is(err, errLost) {
		t.Error("the create error must stay in the chain (errors.Is)")
	}
	if p.nCreate != 1 || p.nFind != 1 {
		t.Errorf("create %d times, find %d times; want 1, 1", p.nCreate, p.nFind)
	}
}

func TestCreateOnceCancelledContextSkipsFind(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p := &createProbe{creates: []func() (*createRecord, error){failWith(fmt.Errorf("testplat API: POST /things: %w", context.Canceled))}}
	got, err := p.run(ctx)
	if got != nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, %v; want the cancellation error", got, err)
	}
	if p.nCreate != 1 || p.nFind != 0 {
		t.Errorf("create %d times, find %d times; want 1, 0", p.nCreate, p.nFind)
	}
}

// A context that ends during create (deadline) also stops reconciliation:
// find would only fail the same way.
// The caller's context ending during the create (Ctrl-C, a short create
// timeout) is when a committed record would be orphaned: find still runs,
// on a context of its own, and adopts it.
func TestCreateOnceContextEndingDuringCreateStillFinds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p := &createProbe{
		creates: []func() (*createRecord, error){func() (*createRecord, error) {
			cancel()
			return nil, errLost
		}},
		find: answer(4),
	}
	got, err := p.run(ctx)
	if err != nil || got == nil || got.ID != 4 {
		t.Fatalf("got %v, %v; want the found record 4", got, err)
	}
	if p.nFind != 1 || p.nCreate != 1 {
		t.Errorf("find %d, create %d; want 1 and 1", p.nFind, p.nCreate)
	}
}

// When nothing was committed and the caller has given up, the create is
// not sent again.
func TestCreateOnceContextEndedNothingFoundNoRetry(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p := &createProbe{
		creates: []func() (*createRecord, error){func() (*createRecord, error) {
			cancel()
			return nil, errLost
		}},
		find: func() (*createRecord, error) { return nil, nil },
	}
	if _, err := p.run(ctx); !errors.Is(err, errLost) {
		t.Fatalf("err = %v, want the create error", err)
	}
	if p.nCreate != 1 {
		t.Errorf("create sent %d times after the caller gave up", p.nCreate)
	}
}

// CreateOnce over the real client: a POST whose connection drops after the
// server committed is adopted through find, and not sent twice.
func TestCreateOnceOverDroppedConnection(t *testing.T) {
	var committed atomic.Bool
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		switch {
		case r.Method == http.MethodPost:
			committed.Store(true)
			hijackAndClose(t, w, r)
		case r.Method == http.MethodGet && committed.Load():
			writeJSON(w, http.StatusOK, `{"id":5}`)
		default:
			writeJSON(w, http.StatusNotFound, `{"message":"nothing"}`)
		}
	})
	c := newTestClient(t, testConfig(srv.URL))
	ctx := context.Background()
	got, err := CreateOnce(ctx, c,
		func() (*createRecord, error) {
			var out createRecord
			if err := c.Do(ctx, http.MethodPost, "/things", nil, map[string]string{"a": "b"}, &out); err != nil {
				return nil, err
			}
			return &out, nil
		},
		func(ctx context.Context) (*createRecord, error) {
			var out struct {
				ID int `json:"id"`
			}
			if err := c.Do(ctx, http.MethodGet, "/things/latest", nil, nil, &out); err != nil {
				if IsNotFound(err) {
					return nil, nil
				}
				return nil, err
			}
			return &createRecord{ID: out.ID}, nil
		})
	if err != nil || got == nil || got.ID != 5 {
		t.Fatalf("got %v, %v; want adopted record 5", got, err)
	}
	if srv.Hits() != 2 {
		t.Errorf("server saw %d requests, want 2 (one POST, one GET)", srv.Hits())
	}
}

// A 500, 502, 503 or 504 may come from a gateway after the origin
// committed: the create is reconciled like a lost answer, and the record
// adopted.
func TestCreateOnceGatewayErrorIsReconciled(t *testing.T) {
	for _, status := range []int{500, 502, 503, 504} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			p := &createProbe{
				creates: []func() (*createRecord, error){failWith(&APIError{Status: status})},
				find:    func() (*createRecord, error) { return &createRecord{ID: 9}, nil },
			}
			got, err := p.run(context.Background())
			if err != nil || got == nil || got.ID != 9 {
				t.Fatalf("got %v, %v; want the found record 9", got, err)
			}
			if p.nCreate != 1 || p.nFind != 1 {
				t.Errorf("create %d times, find %d times; want 1, 1", p.nCreate, p.nFind)
			}
		})
	}
}
