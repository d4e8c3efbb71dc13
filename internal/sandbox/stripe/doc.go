// Package stripe emulates Stripe's customers API (internal/stripe/CONTRACT.md)
// for the sandbox. It is written from the contract and imports nothing
// from the provider's own Stripe client.
//
// Where the contract is silent the emulator decides, never more leniently
// than the contract:
//   - Auth is the secret key APIKey, as "Authorization: Bearer <key>" or as
//     the user of Basic auth (what Stripe takes); anything else is 401.
//   - Bodies are application/x-www-form-urlencoded with bracket notation;
//     an unknown parameter is 400 "Received unknown parameter: <name>"
//     with param set. A repeated parameter keeps its last value.
//   - Idempotency-Key on a POST: the first answer that passed validation is
//     kept for the key (24 hours on Stripe; the server's life here) and
//     replayed, with Idempotent-Replayed: true, to any request with that key
//     and the same method, path and parameters; other parameters are 400
//     idempotency_error. A request whose key another request still being
//     handled holds is 409 idempotency_key_in_use (nothing kept).
//   - Stripe-Should-Retry on every error answer below 500, its own or an
//     injected fault's (FaultHeader): "true" on 409 and 429, "false" on any
//     other 4xx and on a replayed error (a retry would replay it again).
//     A 5xx carries none: Stripe does not say when it sends one, and the
//     sandbox's 5xx stand for gateways and unknown failures.
//   - Updates replace a hash that is sent (address, shipping) with what is
//     sent: parts left out are null. metadata[k]= unsets k, metadata=
//     unsets all, preferred_locales= empties the list, address= and
//     shipping= clear.
//   - A deleted customer stays retrievable as {"id","object":"customer",
//     "deleted":true}; updating or deleting it again is 404
//     resource_missing. A customer deleted out of band (the control surface)
//     is deleted the same way; Forget removes every trace, so that GET is
//     404.
//   - Lists are newest first (created, then creation order), limit 1 to
//     100 (default 10); starting_after / ending_before name a customer that
//     must exist (else 400 resource_missing, param named); email filters
//     exactly, case included; created filters on Unix seconds, exactly
//     (created=t) or by the range hash created[gt|gte|lt|lte]=t, bounds
//     combinable (a value that is not an integer is 400
//     parameter_invalid_integer, another key under created 400
//     parameter_unknown, param named).
//   - Expandable fields (default_source, invoice_settings.default_payment_method,
//     test_clock) are answered unexpanded (null: nothing is attached);
//     expand[] is accepted and ignored.
package stripe
