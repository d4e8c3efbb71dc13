package transport

import "testing"

func TestChecked(t *testing.T) {
	type rec struct{ id int64 }
	id := func(r *rec) int64 { return r.id }
	const refusal = "testplat API: the answer holds no customer id"
	if got, err := Checked(&rec{42}, id, refusal); err != nil || got == nil || got.id != 42 {
		t.Errorf("a record with an id: got %v, %v; want it", got, err)
	}
	for name, r := range map[string]*rec{"no id": {}, "no record": nil} {
		if got, err := Checked(r, id, refusal); got != nil || err == nil || err.Error() != refusal {
			t.Errorf("%s: got %v, %v; want the refusal %q", name, got, err, refusal)
		}
	}
	type named struct{ ID string }
	if _, err := Checked(&named{}, func(r *named) string { return r.ID }, refusal); err == nil {
		t.Error("an empty string id: want the refusal")
	}
}
