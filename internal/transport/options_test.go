package transport

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

// A FormBody goes out form-encoded, and a RequestHeader goes with every
// attempt of its request alone.
func TestFormBodyAndRequestHeader(t *testing.T) {
	type seen struct{ contentType, body, key string }
	var got []seen
	fail := 1
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got = append(got, seen{r.Header.Get("Content-Type"), string(b), r.Header.Get("Idempotency-Key")})
		if fail > 0 {
			fail--
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, `{}`)
	}))
	defer srv.Close()
	c := newTestClient(t, testConfig(srv.URL))
	form := url.Values{"name": {"Jenny Rosen"}, "metadata[tier]": {"gold"}}
	if err := c.Do(RetrySafe(context.Background()), http.MethodPost, "/customers", nil, form, nil, RequestHeader("Idempotency-Key", "k1")); err != nil {
		t.Fatal(err)
	}
	want := seen{"application/x-www-form-urlencoded", "metadata%5Btier%5D=gold&name=Jenny+Rosen", "k1"}
	if len(got) != 2 || got[0] != want || got[1] != want {
		t.Errorf("attempts = %+v, want two of %+v (the retry sends the same body and key)", got, want)
	}
	got = nil
	if err := c.Do(context.Background(), http.MethodPost, "/customers", nil, map[string]string{"a": "b"}, nil); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != (seen{"application/json", `{"a":"b"}`, ""}) {
		t.Errorf("a JSON request: %+v (the header belongs to its request alone)", got)
	}
}
