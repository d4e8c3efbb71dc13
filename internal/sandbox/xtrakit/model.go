package xtrakit

import "time"

const (
	// UserID is the account uuid every record of this sandbox belongs to.
	UserID = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b"
	// BusinessCode is the numeric business code every record carries.
	BusinessCode = "482193"

	// TimeLayout is Xtrakit's timestamp format: UTC, no zone marker.
	TimeLayout = "2006-01-02 15:04:05"

	// maxLen is the decided limit for every string field (internal/xtrakit/CONTRACT.md §4).
	maxLen = 255
)

// Customer is the wire and storage shape of an Xtrakit customer. Field order
// follows the vendor's sample response (CONTRACT.md §2).
type Customer struct {
	ID               int64   `json:"id"`
	CustomerGroupID  *int64  `json:"customer_group_id"`
	CustomerName     string  `json:"customer_name"`
	CustomerEmail    *string `json:"customer_email"`
	CustomerPhone    string  `json:"customer_phone"`
	CustomerWhatsapp *string `json:"customer_whatsapp"`
	CustomerCountry  string  `json:"customer_country"`
	CustomerCity     string  `json:"customer_city"`
	CustomerState    string  `json:"customer_state"`
	CustomerZip      *string `json:"customer_zip"`
	Address1         string  `json:"address1"`
	Address2         *string `json:"address2"`
	CustomerProfile  *string `json:"customer_profile"`
	CreatedBy        string  `json:"created_by"`
	UserID           string  `json:"user_id"`
	BusinessCode     string  `json:"business_code"`
	CreatedAt        string  `json:"created_at"`
	UpdatedAt        string  `json:"updated_at"`
}

// Group is the wire and storage shape of an Xtrakit customer group.
type Group struct {
	ID               int64   `json:"id"`
	GroupName        string  `json:"group_name"`
	GroupDescription *string `json:"group_description"`
	UserID           string  `json:"user_id"`
	BusinessCode     string  `json:"business_code"`
	CreatedAt        string  `json:"created_at"`
	UpdatedAt        string  `json:"updated_at"`
}

func now() string { return time.Now().UTC().Format(TimeLayout) }
