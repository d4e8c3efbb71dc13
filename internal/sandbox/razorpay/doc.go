// Package razorpay emulates the Razorpay customers API (internal/razorpay/CONTRACT.md)
// for the sandbox. It is written from the contract and imports
// nothing from the provider's own Razorpay client.
//
// Where the contract is silent the emulator decides, never more leniently
// than the contract:
//   - Any missing or wrong Basic credentials get the contract's 401 body.
//   - Unknown routes, DELETE included, are 400 "The requested URL was not found
//     on the server." with source/step/reason "NA", as Razorpay answers them.
//   - Validation reports the first failing rule, checked in the order name,
//     contact, email, gstin, notes, fail_existing; "field" is set only when
//     one input field is at fault (not for unknown ids or duplicates).
//   - Names allow ASCII letters and digits only (the docs say alphanumeric).
//   - contact: "The contact may not be greater than 15 characters.", then
//     "Contact number contains invalid characters, only digits and + symbol
//     are allowed", then the contract's 8-digit message.
//   - null is the same as absent; on edit, absent fields stay unchanged.
//     An empty string is validated like any other value (so "" fails for
//     name, contact, email and gstin).
//   - notes may be sent as [] (Razorpay's own empty form); values must be
//     strings.
//   - fail_existing must be the JSON string "0" or "1" (absent = "1").
//   - The email + contact pair clashes with e-mail compared
//     case-insensitively; a customer with neither never clashes.
//   - A body that is not a JSON object is 400 "The request body is not valid
//     JSON"; an empty body is an empty object.
//   - count/skip errors: "The count must be an integer.", "... must be at
//     least 1.", "... may not be greater than 100.", "The skip must be at
//     least 0.".
//   - Store.SetNormalize switches (all off by default) make create and edit
//     store name, contact, email, gstin and note values trimmed, email
//     lower-cased and gstin upper-cased, after validating the values as
//     sent. Edit touches only the fields it carries; Seed and Mutate store
//     verbatim.
package razorpay
