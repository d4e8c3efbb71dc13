package xtrakit

import (
	"errors"
	"net/http"
)

// groups serves /customer-groups.
type groups struct{ s *Store }

func (groups) notFound() string { return "Group not found" }

func (g groups) list(w http.ResponseWriter, _ *http.Request) {
	ok(w, "Groups retrieved successfully", map[string][]Group{"groups": g.s.Groups.List()})
}

func (g groups) create(w http.ResponseWriter, body []byte) {
	grp, good := read(w, body, (*validator).group)
	if !good {
		return
	}
	ok(w, "Group created successfully", groupData{g.s.createGroup(grp)})
}

func (g groups) get(w http.ResponseWriter, id int64) {
	grp, found := g.s.Groups.Get(id)
	if !found {
		fail(w, http.StatusNotFound, g.notFound())
		return
	}
	ok(w, "Group retrieved successfully", groupData{grp})
}

func (g groups) update(w http.ResponseWriter, id int64, body []byte) {
	if _, found := g.s.Groups.Get(id); !found {
		fail(w, http.StatusNotFound, g.notFound())
		return
	}
	grp, good := read(w, body, (*validator).group)
	if !good {
		return
	}
	grp, err := g.s.updateGroup(id, grp)
	if err != nil {
		fail(w, http.StatusNotFound, g.notFound())
		return
	}
	ok(w, "Group updated successfully", groupData{grp})
}

func (g groups) delete(w http.ResponseWriter, id int64) {
	switch err := g.s.deleteGroup(id); {
	case errors.Is(err, errHasCustomers):
		fail(w, http.StatusConflict, "Customer group has customers")
	case err != nil:
		fail(w, http.StatusNotFound, g.notFound())
	default:
		ok(w, "Group deleted successfully", nil)
	}
}
