// Package xtrakit emulates the Xtrakit customers and customer-groups API
// (internal/xtrakit/CONTRACT.md) for the sandbox. It is written from
// the contract and imports nothing from the provider's own Xtrakit client.
//
// Where the contract is silent the emulator decides, never more leniently
// than the contract:
//   - 422 messages use the Laravel wording of the contract's sample, one per
//     failing field, every failing field listed ("The customer name field is
//     required.", "... must be a string.", "... must not be greater than 255
//     characters.", "... must be a valid email address.", "... must be an
//     integer.", "The selected customer group id is invalid.").
//   - null is the same as absent. A blank (whitespace-only) required string is
//     missing. Optional strings are stored as sent; customer_email "" is not
//     an address and fails. Lengths count characters, not bytes.
//   - customer_group_id must be a JSON integer: "1" and 1.5 fail.
//   - An empty body is an empty object (422); any other body that is not a
//     JSON object is 400 "Invalid JSON".
//   - An id that is not a positive integer without leading zeros is 404 (like
//     an unknown one); PUT to an unknown id is 404 before validation; unknown
//     paths are 404 "Route not found"; other methods 405 "Method not allowed".
//   - ?customer_group_id= that is not an integer is 422; an unknown group
//     filters to an empty list.
//   - Messages: "Customer(s)/Group(s) retrieved|created|updated|deleted
//     successfully".
//   - A customer whose group was deleted out of band keeps customer_group_id
//     and gets "customer-group": [].
//   - The Bearer scheme is matched case-insensitively (RFC 9110), the key
//     exactly.
//   - Store.SetNormalize switches (all off by default) make create and PUT
//     store every customer and group string trimmed and customer_email
//     lower-cased, after validating the values as sent. Seed and mutate
//     store verbatim.
package xtrakit
