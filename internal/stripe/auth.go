package stripe

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
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

type idempotencyKey struct{}

// withIdempotencyKey makes the requests sent with ctx carry key in the
// Idempotency-Key header: every retry of one create sends the same key.
func withIdempotencyKey(ctx context.Context, key string) context.Context {
	return context.WithValue(ctx, idempotencyKey{}, key)
}

// shaper is the Stripe request shape, applied to every attempt just before
// it is sent (transport.Authenticator): the bearer key, the pinned
// Stripe-Version, Stripe-Account when set, the create's Idempotency-Key,
// and the body turned from the JSON string a Form marshals to into the
// application/x-www-form-urlencoded body Stripe reads (CONTRACT.md §1).
type shaper struct {
	key     string
	account string
}

func (s shaper) Authenticate(req *http.Request) error {
	req.Header.Set("Authorization", "Bearer "+s.key)
	req.Header.Set("Stripe-Version", APIVersion)
	if s.account != "" && s.account != NoAccount {
		req.Header.Set("Stripe-Account", s.account)
	}
	if k, ok := req.Context().Value(idempotencyKey{}).(string); ok && k != "" {
		req.Header.Set("Idempotency-Key", k)
	}
	if req.Body == nil || req.Body == http.NoBody {
		return nil
	}
	raw, err := io.ReadAll(req.Body)
	_ = req.Body.Close()
	if err != nil {
		return err
	}
	var form string
	if err := json.Unmarshal(raw, &form); err != nil {
		return fmt.Errorf("stripe: a request body must be a form, got %.40q", raw)
	}
	req.Body = io.NopCloser(bytes.NewReader([]byte(form)))
	req.ContentLength = int64(len(form))
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader([]byte(form))), nil }
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return nil
}

// Secrets is the API key (masked in every log line).
func (s shaper) Secrets() []string { return []string{s.key} }
