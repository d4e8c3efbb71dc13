package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestIdempotentMethodsRetriedOnRetryableStatus(t *testing.T) {
	for _, method := range []string{http.MethodGet, http.MethodPut, http.MethodDelete} {
		for _, status := range []int{429, 502, 503, 504} {
			t.Run(fmt.Sprintf("%s %d", method, status), func(t *testing.T) {
				srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, hit int) {
					if hit <= 2 {
						writeJSON(w, status, `{"message":"busy"}`)
						return
					}
					writeJSON(w, http.StatusOK, `{"id":"ok"}`)
				})
				c := newTestClient(t, testConfig(srv.URL))
				var in any
				if method == http.MethodPut {
					in = map[string]string{"name": "x"}
				}
				var out struct{ ID string }
				if err := c.Do(context.Background(), method, "thing", nil, in, &out); err != nil {
					t.Fatalf("want success after retries, got %v", err)
				}
				if srv.Hits() != 3 {
					t.Errorf("hits = %d, want 3", srv.Hits())
				}
				if out.ID != "ok" {
					t.Errorf("out = %+v", out)
				}
			})
		}
	}
}

func TestNotRetriedStatuses(t *testing.T) {
	for _, method := range []string{http.MethodGet, http.MethodPut, http.MethodDelete, http.MethodPost} {
		for _, status := range []int{400, 401, 403, 404, 409, 422, 500, 501} {
			t.Run(fmt.Sprintf("%s %d", method, status), func(t *testing.T) {
				srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
					writeJSON(w, status, `{"message":"no way"}`)
				})
				err := newTestClient(t, testConfig(srv.URL)).Do(context.Background(), method, "thing", nil, nil, nil)
				if srv.Hits() != 1 {
					t.Errorf("hits = %d, want 1 (no retry)", srv.Hits())
				}
				apiErr, ok := AsAPIError(err)
				if !ok || apiErr.Status != status || apiErr.Message != "no way" {
					t.Errorf("got %v", err)
				}
			})
		}
	}
}

func TestMaxRetriesRespected(t *testing.T) {
	for _, maxRetries := range []int{0, 1, 4} {
		t.Run(fmt.Sprint(maxRetries), func(t *testing.T) {
			srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, hit int) {
				writeJSON(w, http.StatusServiceUnavailable, fmt.Sprintf(`{"message":"down for maintenance %d"}`, hit))
			})
			cfg := testConfig(srv.URL)
			cfg.MaxRetries = maxRetries
			err := newTestClient(t, cfg).Do(context.Background(), http.MethodGet, "/customers", nil, nil, nil)
			if srv.Hits() != maxRetries+1 {
				t.Errorf("hits = %d, want MaxRetries+1 = %d", srv.Hits(), maxRetries+1)
			}
			apiErr, ok := AsAPIError(err)
			if !ok {
				t.Fatalf("want the last answer as *APIError, got %T %v", err, err)
			}
			wantMsg := fmt.Sprintf("down for maintenance %d", maxRetries+1)
			if apiErr.Status != 503 || apiErr.Message != wantMsg || apiErr.Method != "GET" ||
				apiErr.Path != "/customers" || apiErr.Platform != testPlatform {
				t.Errorf("got %+v, want status 503 message %q", *apiErr, wantMsg)
			}
			if strings.Contains(err.Error(), "giving up") {
				t.Errorf("retryablehttp's message leaked: %v", err)
			}
			// The user learns that retries were tried and spent.
			if apiErr.Attempts != maxRetries+1 {
				t.Errorf("Attempts = %d, want %d", apiErr.Attempts, maxRetries+1)
			}
			wantSuffix := fmt.Sprintf("(after %d attempts)", maxRetries+1)
			if got := strings.HasSuffix(err.Error(), wantSuffix); got != (maxRetries > 0) {
				t.Errorf("error %q: ends with %q = %v, want %v", err, wantSuffix, got, maxRetries > 0)
			}
		})
	}
}

func TestNegativeMaxRetriesMeansNone(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	cfg := testConfig(srv.URL)
	cfg.MaxRetries = -3
	_ = newTestClient(t, cfg).Do(context.Background(), http.MethodGet, "x", nil, nil, nil)
	if srv.Hits() != 1 {
		t.Errorf("hits = %d, want 1", srv.Hits())
	}
}

func TestPostNotRetriedOnServerErrors(t *testing.T) {
	for _, status := range []int{500, 502, 503, 504} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
				writeJSON(w, status, `{"message":"upstream trouble"}`)
			})
			err := newTestClient(t, testConfig(srv.URL)).Do(context.Background(), http.MethodPost, "customers", nil, map[string]string{"n": "x"}, nil)
			if srv.Hits() != 1 {
				t.Errorf("hits = %d, want exactly 1", srv.Hits())
			}
			if apiErr, ok := AsAPIError(err); !ok || apiErr.Status != status || apiErr.Message != "upstream trouble" {
				t.Errorf("got %v", err)
			}
		})
	}
}

func TestPostNotRetriedOnDroppedConnection(t *testing.T) {
	var log bodyLog
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		log.add(r)
		hijackAndClose(t, w, r)
	})
	err := newTestClient(t, testConfig(srv.URL)).Do(context.Background(), http.MethodPost, "customers", nil, map[string]string{"name": "Ada"}, nil)
	if err == nil {
		t.Fatal("want an error")
	}
	if srv.Hits() != 1 {
		t.Errorf("hits = %d, want exactly 1: a POST whose answer was lost must not be resent", srv.Hits())
	}
	if bodies := log.all(); len(bodies) != 1 || !strings.Contains(bodies[0], "Ada") {
		t.Errorf("server read bodies %q", log.all())
	}
	if !IsOutcomeUnknown(err) {
		t.Errorf("IsOutcomeUnknown(%v) = false", err)
	}
	if _, ok := AsAPIError(err); ok {
		t.Errorf("a dropped connection is not an APIError: %v", err)
	}
	if IsNotFound(err) {
		t.Error("a dropped connection is not 'not found'")
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, testPlatform+" API: POST customers: ") {
		t.Errorf("error %q should name platform, method and path", msg)
	}
	if strings.Contains(msg, `Post "http`) {
		t.Errorf("error %q repeats net/url's prefix", msg)
	}
}

func TestPostRetriedOn429(t *testing.T) {
	var log bodyLog
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, hit int) {
		log.add(r)
		if hit <= 2 {
			writeJSON(w, http.StatusTooManyRequests, `{"message":"slow down"}`)
			return
		}
		writeJSON(w, http.StatusCreated, `{"id":"new"}`)
	})
	var out struct{ ID string }
	err := newTestClient(t, testConfig(srv.URL)).Do(context.Background(), http.MethodPost, "customers", nil, map[string]string{"name": "Ada"}, &out)
	if err != nil {
		t.Fatal(err)
	}
	if srv.Hits() != 3 || out.ID != "new" {
		t.Errorf("hits = %d, out = %+v; want 3 hits and the created record", srv.Hits(), out)
	}
	for i, b := range log.all() {
		if b != `{"name":"Ada"}` {
			t.Errorf("attempt %d sent body %q: the body must be rewound on retry", i+1, b)
		}
	}
}

func TestPostOn429ExhaustsToAPIError(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		writeJSON(w, http.StatusTooManyRequests, `{"message":"quota exceeded"}`)
	})
	cfg := testConfig(srv.URL)
	cfg.MaxRetries = 2
	err := newTestClient(t, cfg).Do(context.Background(), http.MethodPost, "customers", nil, map[string]string{}, nil)
	if srv.Hits() != 3 {
		t.Errorf("hits = %d, want 3", srv.Hits())
	}
	if apiErr, ok := AsAPIError(err); !ok || apiErr.Status != 429 || apiErr.Message != "quota exceeded" {
		t.Errorf("got %v", err)
	}
}

func TestIdempotentMethodsRetriedOnDroppedConnection(t *testing.T) {
	for _, method := range []string{http.MethodPut, http.MethodDelete, http.MethodGet} {
		t.Run(method, func(t *testing.T) {
			var log bodyLog
			srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, hit int) {
				log.add(r)
				if hit <= 2 {
					hijackAndClose(t, w, r)
					return
				}
				writeJSON(w, http.StatusOK, `{"id":"done"}`)
			})
			var in any
			if method == http.MethodPut {
				in = map[string]string{"name": "Ada"}
			}
			var out struct{ ID string }
			err := newTestClient(t, testConfig(srv.URL)).Do(context.Background(), method, "customers/1", nil, in, &out)
			if err != nil {
				t.Fatalf("want success after retrying the dropped connection, got %v", err)
			}
			if srv.Hits() != 3 || out.ID != "done" {
				t.Errorf("hits = %d, out = %+v; want 3 and the answer", srv.Hits(), out)
			}
			if method == http.MethodPut {
				for i, b := range log.all() {
					if b != `{"name":"Ada"}` {
						t.Errorf("attempt %d sent %q", i+1, b)
					}
				}
			}
		})
	}
}

func TestDroppedConnectionExhaustsRetries(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		hijackAndClose(t, w, r)
	})
	cfg := testConfig(srv.URL)
	cfg.MaxRetries = 2
	err := newTestClient(t, cfg).Do(context.Background(), http.MethodDelete, "customers/1", nil, nil, nil)
	if err == nil {
		t.Fatal("want an error")
	}
	if srv.Hits() != 3 {
		t.Errorf("hits = %d, want MaxRetries+1 = 3", srv.Hits())
	}
	if !strings.Contains(err.Error(), "DELETE customers/1 (after 3 attempts)") {
		t.Errorf("error %q does not say what was sent how often", err)
	}
	if !IsOutcomeUnknown(err) {
		t.Errorf("IsOutcomeUnknown(%v) = false", err)
	}
	if strings.Contains(err.Error(), "giving up") {
		t.Errorf("retryablehttp's message leaked: %v", err)
	}
}

func TestCheckRetryPolicy(t *testing.T) {
	dialErr := &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	readErr := &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
	wrappedDial := fmt.Errorf("Post %q: %w", "http://x", dialErr)
	resp := func(code int) *http.Response { return &http.Response{StatusCode: code, Header: http.Header{}} }

	cases := []struct {
		method string
		resp   *http.Response
		err    error
		want   bool
	}{
		{"POST", nil, dialErr, true},
		{"POST", nil, wrappedDial, true},
		{"POST", nil, readErr, false},
		{"POST", nil, io.EOF, false},
		{"POST", nil, io.ErrUnexpectedEOF, false},
		{"POST", nil, context.DeadlineExceeded, false},
		{"POST", resp(429), nil, true},
		{"POST", resp(500), nil, false},
		{"POST", resp(502), nil, false},
		{"POST", resp(503), nil, false},
		{"POST", resp(504), nil, false},
		{"POST", resp(201), nil, false},
		{"POST", resp(400), nil, false},
	}
	for _, m := range []string{"GET", "PUT", "DELETE"} {
		cases = append(cases,
			struct {
				method string
				resp   *http.Response
				err    error
				want   bool
			}{m, nil, dialErr, true},
			struct {
				method string
				resp   *http.Response
				err    error
				want   bool
			}{m, nil, readErr, true},
			struct {
				method string
				resp   *http.Response
				err    error
				want   bool
			}{m, nil, io.EOF, true},
		)
		for code, want := range map[int]bool{200: false, 204: false, 400: false, 404: false, 409: false, 429: true, 500: false, 501: false, 502: true, 503: true, 504: true} {
			cases = append(cases, struct {
				method string
				resp   *http.Response
				err    error
				want   bool
			}{m, resp(code), nil, want})
		}
	}
	for _, tc := range cases {
		ctx := context.WithValue(context.Background(), methodKey{}, tc.method)
		got, err := checkRetry(ctx, tc.resp, tc.err)
		if err != nil {
			t.Errorf("%s resp=%v err=%v: unexpected error %v", tc.method, tc.resp, tc.err, err)
		}
		if got != tc.want {
			code := 0
			if tc.resp != nil {
				code = tc.resp.StatusCode
			}
			t.Errorf("checkRetry(%s, status %d, err %v) = %v, want %v", tc.method, code, tc.err, got, tc.want)
		}
	}

	// A cancelled context stops everything, whatever the answer.
	ctx, cancel := context.WithCancel(context.WithValue(context.Background(), methodKey{}, "GET"))
	cancel()
	for _, r := range []*http.Response{resp(503), resp(429), nil} {
		got, err := checkRetry(ctx, r, io.EOF)
		if got || !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled context: got %v, %v; want false, context.Canceled", got, err)
		}
	}
}

func TestRetryAfterHonouredEndToEnd(t *testing.T) {
	t.Parallel()
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, hit int) {
		if hit == 1 {
			w.Header().Set("Retry-After", "1")
			writeJSON(w, http.StatusTooManyRequests, `{"message":"slow down"}`)
			return
		}
		writeJSON(w, http.StatusOK, `{}`)
	})
	cfg := testConfig(srv.URL)
	cfg.RetryWaitMax = 10 * time.Second
	start := time.Now()
	if err := newTestClient(t, cfg).Do(context.Background(), http.MethodPost, "x", nil, map[string]int{"a": 1}, nil); err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	if srv.Hits() != 2 {
		t.Errorf("hits = %d, want 2", srv.Hits())
	}
	if elapsed < 950*time.Millisecond {
		t.Errorf("waited %v, want about Retry-After's 1s", elapsed)
	}
	if elapsed > 4*time.Second {
		t.Errorf("waited %v, want about 1s, far below the 10s cap", elapsed)
	}
}

func TestRetryAfterCappedEndToEnd(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, hit int) {
		if hit == 1 {
			w.Header().Set("Retry-After", "120")
			writeJSON(w, http.StatusServiceUnavailable, `{}`)
			return
		}
		writeJSON(w, http.StatusOK, `{}`)
	})
	cfg := testConfig(srv.URL)
	cfg.RetryWaitMax = 50 * time.Millisecond
	start := time.Now()
	if err := newTestClient(t, cfg).Do(context.Background(), http.MethodGet, "x", nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Errorf("took %v: Retry-After 120 should be capped at RetryWaitMax (50ms)", elapsed)
	}
	if srv.Hits() != 2 {
		t.Errorf("hits = %d, want 2", srv.Hits())
	}
}

func TestBackoffRetryAfter(t *testing.T) {
	withHeader := func(v string) *http.Response {
		return &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": {v}}}
	}
	minW, maxW := 10*time.Millisecond, time.Minute

	if got := backoff(minW, maxW, 0, withHeader("3")); got != 3*time.Second {
		t.Errorf("Retry-After 3 -> %v, want 3s", got)
	}
	if got := backoff(minW, maxW, 5, withHeader("7")); got != 7*time.Second {
		t.Errorf("Retry-After 7 on attempt 5 -> %v, want 7s (the header wins over the exponential)", got)
	}
	if got := backoff(minW, maxW, 0, withHeader("0")); got != 0 {
		t.Errorf("Retry-After 0 -> %v, want 0", got)
	}
	if got := backoff(minW, 50*time.Millisecond, 0, withHeader("120")); got != 50*time.Millisecond {
		t.Errorf("Retry-After 120 with max 50ms -> %v, want 50ms", got)
	}

	future := time.Now().Add(30 * time.Second).UTC().Format(http.TimeFormat)
	if got := backoff(minW, maxW, 0, withHeader(future)); got < 28*time.Second || got > 30*time.Second {
		t.Errorf("Retry-After %q -> %v, want about 30s", future, got)
	}
	if got := backoff(minW, 5*time.Second, 0, withHeader(future)); got != 5*time.Second {
		t.Errorf("Retry-After date 30s away with max 5s -> %v, want 5s", got)
	}
	past := time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat)
	if got := backoff(minW, maxW, 0, withHeader(past)); got != 0 {
		t.Errorf("Retry-After in the past -> %v, want 0", got)
	}

	// Unusable values fall back to the jittered exponential.
	for _, v := range []string{"", "soon", "-5", "1.5", " 3", "Mon, 99 Foo 2024"} {
		got := backoff(minW, maxW, 0, withHeader(v))
		if got < minW/2 || got > minW {
			t.Errorf("Retry-After %q -> %v, want the exponential range [%v, %v]", v, got, minW/2, minW)
		}
	}
}

func TestRetryAfterParsing(t *testing.T) {
	now := time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		v    string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"0", 0, true},
		{"1", time.Second, true},
		{"120", 2 * time.Minute, true},
		{"-1", 0, false},
		{"abc", 0, false},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second, true},
		{now.Add(-90 * time.Second).Format(http.TimeFormat), 0, true},
		{now.Add(45 * time.Second).Format(time.RFC850), 45 * time.Second, true},
		{now.Add(10 * time.Second).Format(time.ANSIC), 10 * time.Second, true},
	}
	for _, tc := range cases {
		got, ok := retryAfter(tc.v, now)
		if got != tc.want || ok != tc.ok {
			t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", tc.v, got, ok, tc.want, tc.ok)
		}
	}
}

func TestBackoffExponentialBounds(t *testing.T) {
	minW, maxW := 10*time.Millisecond, time.Second
	for attempt := 0; attempt <= 12; attempt++ {
		ceiling := minW << attempt
		if ceiling > maxW {
			ceiling = maxW
		}
		for i := 0; i < 200; i++ {
			got := backoff(minW, maxW, attempt, nil)
			if got < ceiling/2 || got > ceiling {
				t.Fatalf("attempt %d: %v outside [%v, %v]", attempt, got, ceiling/2, ceiling)
			}
		}
	}
	// A response without Retry-After behaves like no response.
	noHeader := &http.Response{StatusCode: 503, Header: http.Header{}}
	for i := 0; i < 100; i++ {
		if got := backoff(minW, maxW, 2, noHeader); got < 20*time.Millisecond || got > 40*time.Millisecond {
			t.Fatalf("attempt 2 without Retry-After: %v outside [20ms, 40ms]", got)
		}
	}
	// Huge attempts never overflow past the cap nor go to zero.
	for _, attempt := range []int{30, 31, 62, 63, 64, 1000} {
		got := backoff(minW, maxW, attempt, nil)
		if got < maxW/2 || got > maxW {
			t.Errorf("attempt %d: %v outside [%v, %v]", attempt, got, maxW/2, maxW)
		}
	}
	// min above max: max wins.
	if got := backoff(2*time.Second, time.Second, 0, nil); got < 500*time.Millisecond || got > time.Second {
		t.Errorf("min > max: %v", got)
	}
	// Tiny durations never panic.
	for _, d := range []time.Duration{1, 2, 3} {
		if got := backoff(d, d, 0, nil); got < 0 || got > d {
			t.Errorf("backoff(%v) = %v", d, got)
		}
	}
}

func TestBackoffJitter(t *testing.T) {
	ceiling := time.Second
	lo, hi := ceiling, time.Duration(0)
	distinct := map[time.Duration]bool{}
	for i := 0; i < 2000; i++ {
		got := backoff(ceiling, ceiling, 0, nil)
		if got < ceiling/2 || got > ceiling {
			t.Fatalf("%v outside [%v, %v]", got, ceiling/2, ceiling)
		}
		lo, hi = min(lo, got), max(hi, got)
		distinct[got] = true
	}
	if lo > 600*time.Millisecond || hi < 900*time.Millisecond {
		t.Errorf("jitter spread [%v, %v] too narrow for [500ms, 1s]", lo, hi)
	}
	if len(distinct) < 1000 {
		t.Errorf("only %d distinct waits in 2000: jitter is not random", len(distinct))
	}
}

func TestContextCancellationStopsRetries(t *testing.T) {
	t.Run("during backoff", func(t *testing.T) {
		firstHit := make(chan struct{}, 1)
		srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
			w.Header().Set("Retry-After", "60")
			writeJSON(w, http.StatusServiceUnavailable, `{}`)
			select {
			case firstHit <- struct{}{}:
			default:
			}
		})
		cfg := testConfig(srv.URL)
		cfg.RetryWaitMin, cfg.RetryWaitMax = 10*time.Second, time.Minute
		c := newTestClient(t, cfg)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go func() {
			<-firstHit
			time.Sleep(20 * time.Millisecond)
			cancel()
		}()
		start := time.Now()
		err := c.Do(ctx, http.MethodGet, "x", nil, nil, nil)
		if elapsed := time.Since(start); elapsed > 2*time.Second {
			t.Errorf("Do returned after %v: cancellation must cut the backoff short", elapsed)
		}
		if !errors.Is(err, context.Canceled) {
			t.Errorf("want context.Canceled, got %v", err)
		}
		if srv.Hits() != 1 {
			t.Errorf("hits = %d, want 1", srv.Hits())
		}
	})

	t.Run("deadline during a slow request", func(t *testing.T) {
		srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
			hang(r)
		})
		cfg := testConfig(srv.URL)
		cfg.MaxRetries = 10
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		start := time.Now()
		err := newTestClient(t, cfg).Do(ctx, http.MethodPut, "x", nil, map[string]int{"a": 1}, nil)
		if elapsed := time.Since(start); elapsed > 2*time.Second {
			t.Errorf("Do returned after %v", elapsed)
		}
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("want context.DeadlineExceeded, got %v", err)
		}
		if srv.Hits() != 1 {
			t.Errorf("hits = %d, want 1: no retry once the context is done", srv.Hits())
		}
	})

	t.Run("already cancelled", func(t *testing.T) {
		srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) { w.WriteHeader(http.StatusOK) })
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		err := newTestClient(t, testConfig(srv.URL)).Do(ctx, http.MethodGet, "x", nil, nil, nil)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("want context.Canceled, got %v", err)
		}
		if srv.Hits() != 0 {
			t.Errorf("hits = %d, want 0", srv.Hits())
		}
	})
}

func TestRequestTimeoutPerAttempt(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, hit int) {
		if hit == 1 {
			hang(r)
			return
		}
		writeJSON(w, http.StatusOK, `{"id":"late"}`)
	})
	cfg := testConfig(srv.URL)
	cfg.RequestTimeout = 100 * time.Millisecond
	var out struct{ ID string }
	start := time.Now()
	if err := newTestClient(t, cfg).Do(context.Background(), http.MethodGet, "x", nil, nil, &out); err != nil {
		t.Fatalf("GET timing out once should be retried: %v", err)
	}
	if time.Since(start) > 2*time.Second || out.ID != "late" || srv.Hits() != 2 {
		t.Errorf("elapsed %v, out %+v, hits %d", time.Since(start), out, srv.Hits())
	}

	// The same timeout on a POST: one attempt, outcome unknown.
	srv2 := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		hang(r)
	})
	cfg2 := testConfig(srv2.URL)
	cfg2.RequestTimeout = 100 * time.Millisecond
	err := newTestClient(t, cfg2).Do(context.Background(), http.MethodPost, "x", nil, map[string]int{}, nil)
	if err == nil || !IsOutcomeUnknown(err) || srv2.Hits() != 1 {
		t.Errorf("POST timeout: err %v, unknown %v, hits %d", err, IsOutcomeUnknown(err), srv2.Hits())
	}
}
