// Package webcommander emulates the WebCommander admin customers API, v4
// (internal/webcommander/CONTRACT.md) for the sandbox. It is written from the
// contract and imports nothing from the provider's own WebCommander client.
//
// Where the contract is silent the emulator decides, never more leniently
// than the contract:
//   - Paths are relative to the store URL: the API is under /api/v4. The
//     token endpoint POST /api/v4/oauth2/token needs no bearer; every other
//     /api/v4 path needs "Authorization: Bearer <live access token>" (one
//     header, scheme in any case), checked before routing: else 401
//     "Invalid or expired access token", error "unauthorized".
//   - Tokens: client_id, client_secret and redirect_uri must match exactly
//     (else 401 invalid_client); client_credentials also needs auth_string
//     = standard base64 of "username:password" (else 401 invalid_grant);
//     refresh_token needs an unused refresh token (else 401 invalid_grant).
//     A missing grant_type is 400 bad_request, another one 400
//     unsupported_grant_type. Both grants answer 201 {access_token,
//     refresh_token, expires_in, token_type "Bearer"}. A refresh token
//     works once; the access token issued beside it stays valid until it
//     expires. Access tokens live DefaultTokenLifetime unless
//     SetTokenLifetime says otherwise; expires_in is that in whole
//     seconds, at least 1. Refresh tokens do not expire.
//   - POST and PUT bodies (token endpoint included) must be sent as
//     Content-Type application/json, else 400 bad_request; a body that is
//     not one JSON object in UTF-8 is 400 "Invalid JSON body"; an empty body
//     is an empty object.
//   - Every error is {"status":"error","code":N,"message","error"}; a
//     validation failure (400 validation_failed) adds errors[] listing every
//     failing field by its bare name ("email", "store_credit") with code
//     "required" or "invalid", and its message is the first error's.
//   - Customer fields: first_name is required on create and cannot be
//     blanked by PUT. email, when non-empty, is an RFC 5322 address without
//     display name or blanks, unique case-insensitively (409 conflict "The
//     email address is already registered"); "" clears it. gender is
//     male, female or other, "" clears it; it is answered as sex. status
//     must be one of Statuses (no empty value). country is an ISO code or
//     English name from a small table (geo.go), any case, stored as the
//     code; "" clears it. state is kept as sent; answers resolve it within
//     the country from the AU/US tables, else {id 0, name=code=value}.
//     shipping_profile is an integer or numeric string naming profile 1
//     (Standard) or 2 (Express), "" clears it. newsletter must be
//     {"subscribed": bool}; it is stored, never answered. password must be
//     a non-empty string; it is recorded (Store.Password), never answered.
//     store_credit and credit_limit are strings "N", "N.D" or "N.DD" (no
//     sign, no exponent; JSON numbers are refused), answered as JSON numbers
//     without trailing zeros; absent on create they are 0. Strings other
//     than those are stored as sent. null is the same as absent; unknown
//     fields, response-only ones included, are ignored; "customer" absent
//     is an empty object.
//   - PUT changes only what it carries and always increments version, even
//     when nothing changed. PUT to an unknown id is 404 before the body is
//     read. An id that is not a positive decimal is 404 "Customer not
//     found" like an unknown one. DELETE is 204 with no body and no
//     Content-Type.
//   - Answers (wire.go) follow the vendor's sample (internal/webcommander/CONTRACT.md §5): strings never set are "",
//     parent null, timezone "UTC", transaction_number "TXN<display_id>",
//     referral_code "REF<display_id>", source "API", the other extras null
//     or 0; display_id is 1000 + id; the three addresses keep their ids
//     across updates, active_shipping/billing_address are the SHIPPING and
//     BILLING ids. created_at is UTC, whole seconds.
//   - Lists: limit must be a positive integer (default 20, larger capped to
//     20; pagination.limit says so), offset a non-negative one, else 400
//     naming the parameter. has_next says whether customers lie past this
//     page. email present but empty matches nothing.
//   - Store.SetNormalize switches (all off by default) make create and PUT
//     store every string field trimmed (passwords excepted) and the e-mail
//     lower-cased, after validating the values as sent. Seed and Mutate
//     store verbatim.
package webcommander
