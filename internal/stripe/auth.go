package stripe

import (
	"net/http"
)

// APIVersion is the Stripe API version the provider is built against and
// pins on every request (the Stripe-Version header): the version
// stripe-go v82 pins (stripe.APIVersion), so the objects Stripe answers
// have the shape wire.go reads whatever the account's default version is.
const APIVersion = "2025-08-27.basil"

// NoAccount is stripe_account's default: no Stripe-Account header, the
// API key's own account.
const NoAccount = "self"

// shaper is what every Stripe request carries (CONTRACT.md §1): the bearer
// key, the pinned Stripe-Version, and Stripe-Account when set. A POST's
// Idempotency-Key is a header of that request alone (postKeyed).
type shaper struct {
	key     string
	account string
}

// Authenticate sets the headers on every attempt (transport.Authenticator).
func (s shaper) Authenticate(req *http.Request) error {
	req.Header.Set("Authorization", "Bearer "+s.key)
	req.Header.Set("Stripe-Version", APIVersion)
	if s.account != "" && s.account != NoAccount {
		req.Header.Set("Stripe-Account", s.account)
	}
	return nil
}

// Secrets is the API key (masked in every log line).
func (s shaper) Secrets() []string { return []string{s.key} }
