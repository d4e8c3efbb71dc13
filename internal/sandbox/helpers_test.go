package sandbox_test

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/customerops/terraform-provider-crm/internal/sandbox"
	sbaxim "github.com/customerops/terraform-provider-crm/internal/sandbox/axim"
	"github.com/customerops/terraform-provider-crm/internal/sandbox/emulators"
	sbrazorpay "github.com/customerops/terraform-provider-crm/internal/sandbox/razorpay"
	sbwebcommander "github.com/customerops/terraform-provider-crm/internal/sandbox/webcommander"
	sbxtrakit "github.com/customerops/terraform-provider-crm/internal/sandbox/xtrakit"
)

// started is a sandbox listening on a free port for the test's lifetime.
func started(t *testing.T) *sandbox.Server {
	t.Helper()
	s := emulators.New()
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

// call sends one request with the platform's credentials (auth "xtrakit",
// "razorpay", "axim" or "" for none) and returns status, body and Retry-After.
func call(t *testing.T, method, url, auth, body string) (int, string, http.Header) {
	t.Helper()
	resp, err := send(method, url, auth, body)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, strings.TrimSpace(string(b)), resp.Header
}

func send(method, url, auth, body string) (*http.Response, error) {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, r)
	if err != nil {
		return nil, err
	}
	switch auth {
	case sbxtrakit.Name:
		req.Header.Set("Authorization", "Bearer "+sbxtrakit.APIKey)
	case sbrazorpay.Name:
		req.SetBasicAuth(sbrazorpay.KeyID, sbrazorpay.KeySecret)
	case sbaxim.Name:
		req.Header.Set("accessToken", sbaxim.AccessToken)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return http.DefaultClient.Do(req)
}

const (
	xtrakitGroup    = `{"group_name":"VIP","group_description":"Top"}`
	xtrakitCustomer = `{"customer_name":"Kofi","customer_phone":"0244000000","customer_country":"Ghana",
	  "customer_city":"Kumasi","customer_state":"Ashanti","address1":"1 Road","created_by":"ops"}`
	razorpayCustomer = `{"name":"Gaurav Kumar","contact":"+919876543210","email":"gaurav.kumar@example.com"}`
	aximCustomer     = `{"firstName":"John","lastName":"Doe","email":"john@aximcommerce.com","status":"active",
	  "metaFields":[{"code":"p21_contact_id","value":12548}]}`
)

// wcTokenBody is the client_credentials request with the sandbox's
// credentials.
func wcTokenBody() string {
	b, _ := json.Marshal(map[string]string{
		"grant_type":   "client_credentials",
		"auth_string":  base64.StdEncoding.EncodeToString([]byte(sbwebcommander.Username + ":" + sbwebcommander.Password)),
		"redirect_uri": sbwebcommander.RedirectURI, "client_id": sbwebcommander.ClientID, "client_secret": sbwebcommander.ClientSecret,
	})
	return string(b)
}
