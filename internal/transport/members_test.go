package transport

import (
	"reflect"
	"testing"
)

func TestMembersExactKeys(t *testing.T) {
	m := ObjectMembers([]byte(`{"message":"a","MESSAGE":"b","n":1,"o":{"k":"v"},"l":[{"field":"x","message":"y"},3],"d":"1","d":"2"}`))
	if got := m.String("message"); got != "a" {
		t.Errorf(`String("message") = %q, want "a": keys are exact`, got)
	}
	if got := m.String("Message"); got != "" {
		t.Errorf(`String("Message") = %q, want ""`, got)
	}
	if got := m.String("n"); got != "" {
		t.Errorf(`a number is not a string: got %q`, got)
	}
	if got := m.String("d"); got != "2" {
		t.Errorf(`a repeated key keeps its last value: got %q`, got)
	}
	if got := m.Object("o").String("k"); got != "v" {
		t.Errorf("nested: %q", got)
	}
	if got := m.Objects("l"); len(got) != 2 || got[0].String("field") != "x" || got[1] != nil {
		t.Errorf("Objects = %v", got)
	}
	for _, body := range []string{``, `null`, `"x"`, `[1]`, `<html>`} {
		if m := ObjectMembers([]byte(body)); m != nil || m.String("message") != "" || m.Object("o") != nil || m.Objects("l") != nil {
			t.Errorf("%q: %v", body, m)
		}
	}
}

func TestAddFieldErrors(t *testing.T) {
	e := &APIError{}
	e.AddFieldErrors(ObjectMembers([]byte(`{"errors":[{"field":"email","message":"taken"}]}`)).Objects("errors"))
	if e.Field != "email" || !reflect.DeepEqual(e.Details, []string{"email: taken"}) {
		t.Errorf("one error: %+v", e)
	}
	e = &APIError{}
	e.AddFieldErrors(ObjectMembers([]byte(`{"errors":[{"field":"a","message":"x"},{"FIELD":"b","message":"y"}]}`)).Objects("errors"))
	if e.Field != "" || !reflect.DeepEqual(e.Details, []string{"a: x", ": y"}) {
		t.Errorf("two errors, one with another key's case: %+v", e)
	}
}
