package crud

import (
	"errors"
	"iter"
	"slices"
	"testing"
)

// pagedInts lists 0..n-1 in pages of size, counting the pages requested:
// a page is requested only when the consumer asks for its first item.
func pagedInts(n, size int, pages *int) iter.Seq2[int, error] {
	return func(yield func(int, error) bool) {
		for from := 0; from < n; from += size {
			*pages++
			for i := from; i < min(from+size, n); i++ {
				if !yield(i, nil) {
					return
				}
			}
		}
	}
}

func collect(seq iter.Seq2[int, error]) ([]int, error) {
	var out []int
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

func TestWhileStopsAtFirstRefused(t *testing.T) {
	cases := []struct {
		name      string
		below     int // While keeps the records below it
		want      []int
		wantPages int
	}{
		{"stops on the first page", 3, []int{0, 1, 2}, 1},
		{"refused record opens the second page", 5, []int{0, 1, 2, 3, 4}, 2},
		{"stops on the second page", 7, []int{0, 1, 2, 3, 4, 5, 6}, 2},
		{"first record refused", 0, nil, 1},
		{"nothing refused: every page", 100, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pages := 0
			got, err := collect(While(pagedInts(12, 5, &pages), func(v *int) bool { return *v < tc.below }))
			if err != nil || !slices.Equal(got, tc.want) {
				t.Errorf("got %v, %v; want %v", got, err, tc.want)
			}
			if pages != tc.wantPages {
				t.Errorf("%d pages requested, want %d", pages, tc.wantPages)
			}
		})
	}
}

func TestWhileSkipsNothingItKeeps(t *testing.T) {
	// Unlike Where, a refused record ends the listing even when later
	// ones would be accepted.
	pages := 0
	got, _ := collect(While(pagedInts(12, 5, &pages), func(v *int) bool { return *v != 2 }))
	if !slices.Equal(got, []int{0, 1}) || pages != 1 {
		t.Errorf("got %v after %d pages, want [0 1] after 1", got, pages)
	}
}

func TestWhileHonoursTheConsumer(t *testing.T) {
	pages := 0
	var got []int
	for v, err := range While(pagedInts(12, 5, &pages), func(*int) bool { return true }) {
		if err != nil {
			t.Fatal(err)
		}
		if got = append(got, v); len(got) == 5 {
			break
		}
	}
	if !slices.Equal(got, []int{0, 1, 2, 3, 4}) || pages != 1 {
		t.Errorf("got %v after %d pages, want 0..4 after 1", got, pages)
	}
}

func TestWhilePassesErrorsOn(t *testing.T) {
	boom := errors.New("page 2 failed")
	seq := func(yield func(int, error) bool) {
		if yield(1, nil) {
			yield(0, boom)
		}
	}
	called := 0
	got, err := collect(While(seq, func(*int) bool { called++; return true }))
	if !slices.Equal(got, []int{1}) || !errors.Is(err, boom) || called != 1 {
		t.Errorf("got %v, %v with %d calls; want [1], the error, and the error not filtered", got, err, called)
	}
}

func TestFullName(t *testing.T) {
	cases := []struct {
		parts []string
		want  string
	}{
		{[]string{"Ada", "Lovelace"}, "Ada Lovelace"},
		{[]string{" John", "Doe "}, "John Doe"},
		{[]string{"Cher", ""}, "Cher"},
		{[]string{"", "  ", "Doe"}, "Doe"},
		{[]string{"Mary  Ann", "Evans"}, "Mary  Ann Evans"},
		{nil, ""},
	}
	for _, tc := range cases {
		if got := FullName(tc.parts...); got != tc.want {
			t.Errorf("FullName(%q) = %q, want %q", tc.parts, got, tc.want)
		}
	}
}
