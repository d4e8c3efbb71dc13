package transport

import (
	"context"
	"net/http"
	"testing"
)

// ResponseHeader hands the caller the answer's headers (a cursor API's
// Link): on a 2xx, with the APIError on a refusal, and leaves them alone
// when no answer came.
func TestResponseHeader(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		w.Header().Set("Link", `<`+r.URL.Path+`?page=2>; rel="next"`)
		if r.URL.Path == "/missing" {
			writeJSON(w, http.StatusNotFound, `{"message":"no such thing"}`)
			return
		}
		if r.URL.Path == "/drop" {
			hijackAndClose(t, w, r)
			return
		}
		writeJSON(w, http.StatusOK, `{}`)
	})
	c := newTestClient(t, testConfig(srv.URL))
	ctx := context.Background()

	var h http.Header
	if err := c.Do(ctx, http.MethodGet, "things", nil, nil, nil, ResponseHeader(&h)); err != nil {
		t.Fatal(err)
	}
	if got := h.Get("Link"); got != `</things?page=2>; rel="next"` {
		t.Errorf("2xx: Link %q", got)
	}

	h = nil
	err := c.Do(ctx, http.MethodGet, "missing", nil, nil, nil, ResponseHeader(&h))
	if !IsNotFound(err) || h.Get("Link") == "" {
		t.Errorf("404: %v, headers %v; want the APIError and the headers", err, h)
	}

	h = http.Header{"Kept": {"yes"}}
	if err := c.Do(ctx, http.MethodPost, "drop", nil, nil, nil, ResponseHeader(&h)); err == nil || h.Get("Kept") != "yes" {
		t.Errorf("no answer: %v, headers %v; want an error and the headers untouched", err, h)
	}
}
