package transport

import "net/http"

// A RequestOption asks Client.Do for more than the decoded body.
type RequestOption func(*requestOptions)

type requestOptions struct {
	header  *http.Header
	headers http.Header
}

// ResponseHeader stores the answer's headers in *dst: a Link header to the
// next page, a rate budget, an ETag. It is set whenever an answer came
// back, 2xx or not (the last attempt's, after retries), and left alone
// when none did.
func ResponseHeader(dst *http.Header) RequestOption {
	return func(o *requestOptions) { o.header = dst }
}

// RequestHeader sends name: value with this request, on every attempt (an
// Idempotency-Key that must stay the same across the retries of one
// create, say).
func RequestHeader(name, value string) RequestOption {
	return func(o *requestOptions) {
		if o.headers == nil {
			o.headers = http.Header{}
		}
		o.headers.Set(name, value)
	}
}
