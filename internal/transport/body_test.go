package transport

import (
	"bytes"
	"context"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// An answer cut short is a failed attempt: a GET is sent again, whether
// logs (which read bodies too) are on or off.
func TestAnswerCutShortIsRetried(t *testing.T) {
	for _, logs := range []bool{false, true} {
		srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request, hit int) {
			if hit > 1 {
				writeJSON(w, http.StatusOK, `{"id":"c1"}`)
				return
			}
			w.Header().Set("Content-Length", "100")
			w.WriteHeader(http.StatusOK)
			_, _ = w.Write([]byte(`{"id":`))
			w.(http.Flusher).Flush()
			hijackAndClose(t, w, r)
		})
		ctx := context.Background()
		if logs {
			ctx = tflogtest.RootLogger(ctx, &bytes.Buffer{})
		}
		var out struct{ ID string }
		err := newTestClient(t, testConfig(srv.URL)).Do(ctx, http.MethodGet, "c/c1", nil, nil, &out)
		if err != nil || out.ID != "c1" || srv.Hits() != 2 {
			t.Errorf("logs %t: %+v, %v after %d requests; want c1 after 2", logs, out, err, srv.Hits())
		}
	}
}
