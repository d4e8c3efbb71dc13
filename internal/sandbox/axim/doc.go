// Package axim emulates the AximCommerce customers API (internal/axim/CONTRACT.md)
// for the sandbox. It is written from the contract and imports
// nothing from the provider's own Axim client.
//
// Where the contract is silent the emulator decides, never more leniently
// than the contract:
//   - Auth is the accessToken header holding exactly the token, once: a
//     "Bearer " prefix, a second header or any other value is the 401.
//     Auth is checked before routing.
//   - POST and PUT bodies must be sent as Content-Type application/json
//     (CONTRACT.md §1): otherwise 400 "Content-Type must be application/json".
//     A body that is not one JSON object (or not UTF-8) is 400 "Invalid JSON
//     body"; an empty body is an empty object.
//   - Validation failures are 400 "Validation failed" listing every failing
//     field in errors[], in the order firstName, lastName, email,
//     phoneNumber, status, company, notes, address, metaFields; nested
//     fields are named by path ("address[1].city", "metaFields[0].code").
//     Messages: "<field> is required", "... must be a string", "... must be
//     a valid email address", "... must be one of active, pending,
//     inactive", "... must be a valid id (24 lower-case hexadecimal
//     characters)", "... must be an array", "... must be an object", "...
//     must be a boolean", "only one address may be the default address"
//     (on the second default's isDefaultAddress).
//   - firstName, lastName and email are required on create and PUT
//     (CONTRACT.md §4 marks all three required); blank counts as missing. email is an
//     RFC 5322 address with no display name or blanks. status is required
//     on create and case-sensitive; on PUT it may be left out (or null),
//     which keeps the stored status: it is the one writable field a PUT does
//     not clear, as it has no empty value. company, when given, is a
//     24-lower-hex id like every Axim id. No lengths are enforced.
//   - null is the same as absent. PUT replaces the record: absent optional
//     fields become null (phoneNumber, company, notes) or [] (address,
//     metaFields), and every address gets a new id. Optional strings are
//     stored as sent ("" stays ""). Unknown body fields, response-only ones
//     included, are ignored.
//   - Responses carry every field: optional strings never set are null,
//     address and metaFields are [] when empty. Address fields not sent are
//     null, isDefaultAddress false. A metaField value is kept as the JSON
//     text sent (compacted): its type and digits survive exactly; an absent
//     value is null. metaField codes need not be unique; order is kept.
//   - Server-set fields: role is RoleID, createdBy {"id":CreatorID,
//     "name":"API"}, verifiedEmail, newsletter and isB2B false; a PUT keeps
//     them and createdAt. Timestamps are UTC with milliseconds; updatedAt
//     always moves forward on PUT, by 1 ms if the clock has not.
//   - E-mails are unique case-insensitively (contract); the check sees the
//     normalised value and runs under the same lock as the write.
//   - An id that is not 24 lower-case hex is 404 "Customer not found" like
//     an unknown one; PUT to an unknown id is 404 before the body is read.
//     /customers/ and deeper paths are 404 "Route not found"; other methods
//     405 "Method not allowed" with Allow.
//   - Lists: page (default 1) and limit (default 10) must be positive
//     integers, else 400 naming the parameter; a limit above 10 is capped
//     to 10, and meta.limit says so. A page past the end is empty; meta.total
//     counts every match. Filters combine with AND: email exact and
//     case-insensitive; status must be a valid status (else 400); company
//     exact; email:in and id:in comma-separated, items trimmed, e-mails
//     case-insensitive. A filter present with an empty value matches
//     nothing; a repeated parameter uses its first value. (A "+" in a query
//     value is a space, as in any form-encoded query: clients escape it.)
//   - Messages: "Customer created|retrieved|updated|deleted successfully",
//     "Customers retrieved successfully". Delete has no data. Injected
//     faults answer {"success":false,"message":<status text>}.
//   - Store.SetNormalize switches (all off by default) make create and PUT
//     store every string field trimmed (address fields and metaField codes
//     included; metaField values are JSON values and kept as sent) and the
//     e-mail lower-cased, after validating the values as sent. Seed and
//     Mutate store verbatim.
package axim
