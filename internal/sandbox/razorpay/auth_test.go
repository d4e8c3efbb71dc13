package razorpay

import (
	"encoding/base64"
	"net/http"
	"testing"
)

func TestAuth(t *testing.T) {
	header := func(v string) func(*http.Request) {
		return func(r *http.Request) { r.Header.Set("Authorization", v) }
	}
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	for _, tc := range []struct {
		name string
		auth func(*http.Request)
		ok   bool
	}{
		{"none", nil, false},
		{"wrong secret", func(r *http.Request) { r.SetBasicAuth(testID, "nope") }, false},
		{"wrong id", func(r *http.Request) { r.SetBasicAuth("rzp_live_x", testSecret) }, false},
		{"secret only", func(r *http.Request) { r.SetBasicAuth("", testSecret) }, false},
		{"bearer", header("Bearer " + testSecret), false},
		{"not base64", header("Basic !!!"), false},
		{"no colon", header("Basic " + b64(testID+testSecret)), false},
		{"trailing garbage", header("Basic " + b64(testID+":"+testSecret+"x")), false},
		{"right", func(r *http.Request) { r.SetBasicAuth(testID, testSecret) }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newServer(t)
			for _, target := range [][2]string{{"GET", "/customers"}, {"POST", "/customers"}, {"GET", "/customers/cust_00000000000000"}, {"DELETE", "/customers/x"}} {
				status, body := s.Call(target[0], target[1], "", tc.auth)
				if !tc.ok && (status != 401 || body != invalidKeyBody) {
					t.Errorf("%v: got %d %s", target, status, body)
				}
				if tc.ok && status == 401 {
					t.Errorf("%v: rejected valid credentials", target)
				}
			}
		})
	}
}
