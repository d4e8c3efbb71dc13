package transport

import (
	"bytes"
	"io"
	"net/http"
)

// wholeBodyTransport reads each answer whole within its attempt, so an
// answer cut short is a failed attempt that the retry policy sees (a GET
// is sent again) rather than an error once retries are over. Answers are
// JSON documents that Client.Do reads whole anyway.
type wholeBodyTransport struct {
	next http.RoundTripper
}

func (t *wholeBodyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if err != nil || resp.Body == nil {
		return resp, err
	}
	raw, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(raw))
	return resp, nil
}
