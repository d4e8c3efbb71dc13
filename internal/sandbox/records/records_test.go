package records

import (
	"errors"
	"strings"
	"testing"
)

type rec struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Version int64  `json:"version"`
}

func table(kind Kind[int64, rec]) *Table[int64, rec] {
	kind.Label = "test: rec"
	kind.ID = func(r *rec) *int64 { return &r.ID }
	kind.Assign = NextInt[rec]
	return New(kind)
}

func names(rs []rec) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Name)
	}
	return strings.Join(out, ",")
}

func TestSeedOrderAndIDs(t *testing.T) {
	byID := table(Kind[int64, rec]{})
	byID.Seed(rec{ID: 5, Name: "e"})
	if r := byID.Seed(rec{Name: "f"}); r.ID != 6 {
		t.Errorf("id after 5: %d", r.ID)
	}
	byID.Seed(rec{ID: 2, Name: "b"})
	if got := names(byID.List()); got != "b,e,f" {
		t.Errorf("by id: %s", got)
	}

	inserted := table(Kind[int64, rec]{Order: Inserted[rec]})
	inserted.Seed(rec{ID: 5, Name: "e"})
	inserted.Seed(rec{ID: 2, Name: "b"})
	inserted.Seed(rec{ID: 5, Name: "E"}) // keeps its place
	if got := names(inserted.List()); got != "E,b" {
		t.Errorf("inserted: %s", got)
	}
	reseed := table(Kind[int64, rec]{Order: Inserted[rec], Reseed: true})
	reseed.Seed(rec{ID: 5, Name: "e"})
	reseed.Seed(rec{ID: 2, Name: "b"})
	reseed.Seed(rec{ID: 5, Name: "E"}) // counts as new
	if got := names(reseed.List()); got != "b,E" {
		t.Errorf("reseeded: %s", got)
	}
	if page, total := reseed.Page(func(r *rec) bool { return r.ID > 0 }, 1, 5); total != 2 || names(page) != "E" {
		t.Errorf("page: %v of %d", page, total)
	}
}

func TestMutate(t *testing.T) {
	deleted := []int64{}
	tb := table(Kind[int64, rec]{
		Frozen:  []string{"id"},
		Touch:   func(old *rec) (string, any) { return "version", old.Version + 1 },
		Deleted: func(id int64) { deleted = append(deleted, id) },
	})
	tb.Seed(rec{Name: "a"})
	if err := tb.Mutate(1, map[string]any{"name": "b"}); err != nil {
		t.Fatal(err)
	}
	if r, _ := tb.Get(1); r.Name != "b" || r.Version != 1 {
		t.Errorf("after mutate: %+v", r)
	}
	if err := tb.Mutate(1, map[string]any{"version": 7}); err != nil {
		t.Fatal(err)
	}
	if r, _ := tb.Get(1); r.Version != 7 {
		t.Errorf("version set by the patch: %+v", r)
	}
	for patch, want := range map[string]map[string]any{
		"test: rec 1: id cannot be patched":     {"id": 2},
		`test: rec 1: unknown field "a"`:        {"b": 1, "a": 1},
		"test: rec 9 not found":                 nil,
		"test: rec 1: json: cannot unmarshal n": {"name": 3},
	} {
		id := int64(1)
		if want == nil {
			id = 9
		}
		if err := tb.Mutate(id, want); err == nil || !strings.HasPrefix(err.Error(), patch) {
			t.Errorf("Mutate(%d, %v) = %v, want %s", id, want, err, patch)
		}
	}
	if !tb.Delete(1) || tb.Delete(1) || len(deleted) != 1 {
		t.Errorf("Delete: %v", deleted)
	}
}

func TestChange(t *testing.T) {
	tb := table(Kind[int64, rec]{})
	tb.Seed(rec{Name: "a"})
	if _, err := tb.Change(9, func(*Tx[int64, rec], rec) (rec, error) { return rec{}, nil }); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown id: %v", err)
	}
	if _, err := tb.Change(1, func(_ *Tx[int64, rec], old rec) (rec, error) {
		old.Name = "lost"
		return old, ErrExists
	}); !errors.Is(err, ErrExists) {
		t.Errorf("refused change: %v", err)
	}
	got, err := tb.Change(1, func(_ *Tx[int64, rec], old rec) (rec, error) {
		return rec{ID: 7, Name: old.Name + "b"}, nil
	})
	if stored, _ := tb.Get(1); err != nil || got.ID != 1 || stored.Name != "ab" {
		t.Errorf("change: %+v %v, stored %+v", got, err, stored)
	}
}
