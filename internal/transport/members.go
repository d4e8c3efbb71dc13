package transport

import "encoding/json"

// Members is a JSON object read by its exact keys. encoding/json's struct
// decoding matches keys in any letter case and merges repeated objects: an
// error body spelled {"MESSAGE":"Customer not found"} is not the
// platform's, and must never pass for its "not found" (which drops a
// record from state). A repeated key keeps its last value.
type Members map[string]json.RawMessage

// ObjectMembers reads raw as an object; nil when it is not one.
func ObjectMembers(raw []byte) Members {
	var m Members
	if json.Unmarshal(raw, &m) != nil {
		return nil
	}
	return m
}

// String is the member key when it is a JSON string, else "".
func (m Members) String(key string) string {
	var s string
	if raw, ok := m[key]; !ok || json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

// Object is the member key when it is an object, else nil.
func (m Members) Object(key string) Members { return ObjectMembers(m[key]) }

// Objects is the member key when it is an array, each item read as an
// object (nil for an item that is not one); nil when it is not an array.
func (m Members) Objects(key string) []Members {
	var items []json.RawMessage
	if raw, ok := m[key]; !ok || json.Unmarshal(raw, &items) != nil {
		return nil
	}
	out := make([]Members, len(items))
	for i, it := range items {
		out[i] = ObjectMembers(it)
	}
	return out
}

// AddFieldErrors adds a list of {"field","message"} errors to e: one
// detail each, and the field blamed when there is exactly one.
func (e *APIError) AddFieldErrors(list []Members) {
	for _, f := range list {
		e.Details = append(e.Details, f.String("field")+": "+f.String("message"))
	}
	if len(list) == 1 {
		e.Field = list[0].String("field")
	}
}
