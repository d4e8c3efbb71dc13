// Package fields holds what every platform's schema shares: custom string
// types that compare by meaning (e-mails, text, codes), validators for the
// platforms' common rules, and helpers that build attributes from one
// declaration. It knows no platform and no transport.
package fields
