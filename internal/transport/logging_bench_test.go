package transport

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
	"github.com/hashicorp/terraform-plugin-log/tfsdklog"
)

// BenchmarkLoggingTransport is what logging costs one request and its
// answer (a page of 20 customers), the network left out. "off" is the
// provider's default (main.go sets TF_LOG_PROVIDER=off): it should cost
// next to nothing.
func BenchmarkLoggingTransport(b *testing.B) {
	var page strings.Builder
	page.WriteString(`{"customers":[`)
	for i := range 20 {
		if i > 0 {
			page.WriteString(",")
		}
		fmt.Fprintf(&page, `{"id":"cust_%d","name":"Customer %d","email":"c%d@example.com","contact":"+9198765%05d","notes":{"a":"b"}}`, i, i, i, i)
	}
	page.WriteString(`],"count":20}`)
	answer := []byte(page.String())

	next := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{
			StatusCode: http.StatusOK,
			Header:     http.Header{"Content-Type": {"application/json"}},
			Body:       io.NopCloser(bytes.NewReader(answer)),
			Request:    r,
		}, nil
	})
	lt := &loggingTransport{platform: testPlatform, secrets: liveSecrets(BearerToken("benchSECRETtoken")), next: next}

	levels := []struct {
		name string
		ctx  context.Context
	}{
		{"off", tfsdklog.NewRootProviderLogger(context.Background(), tfsdklog.WithLevel(hclog.Off))},
		{"debug", tflogtest.RootLogger(context.Background(), io.Discard)},
	}
	for _, lv := range levels {
		b.Run(lv.name, func(b *testing.B) {
			req, err := http.NewRequestWithContext(lv.ctx, http.MethodPost, "https://api.example/customers",
				strings.NewReader(`{"name":"New","email":"new@example.com","password":"pw"}`))
			if err != nil {
				b.Fatal(err)
			}
			req.Header.Set("Authorization", "Bearer benchSECRETtoken")
			req.Header.Set("Content-Type", "application/json")
			b.ReportAllocs()
			for b.Loop() {
				resp, err := lt.RoundTrip(req)
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				_ = resp.Body.Close()
			}
		})
	}
}
