package sandbox

import (
	"cmp"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The console is a read-only page at / for a person watching the sandbox
// (during `make demo`, say): each platform's records, the last requests
// with their latency and the fault that answered them, the live faults,
// rate limits and normalisation. The core knows no platform: each Store
// lays out its own records (Store.Console) and the page renders them, with
// html/template, so every value is escaped. The page refreshes itself with
// a few lines of script served beside it (/_console/console.js), which
// fetch the page again every 2 s and swap its <main> in; nothing is loaded
// from anywhere else, and its Content-Security-Policy allows nothing else
// (no inline script either). It answers GET and HEAD only.

// The column headings every platform's first table (its customers) starts
// with, in this order: what a person looks at first. Status and created
// follow where the platform has them.
const (
	ColName    = "name"
	ColEmail   = "e-mail"
	ColID      = "id"
	ColStatus  = "status"
	ColCreated = "created"
)

// ConsoleRows is the most rows a console table shows; the page says how
// many of how many it shows.
const ConsoleRows = 200

// consoleRequests is how many of the last requests the page shows.
const consoleRequests = 50

// consoleBase is where the page's own files are served; an emulator may not
// be mounted there, at / or under the control surface.
const consoleBase = "/_console/"

// ConsoleTable is one kind of record as the console shows it.
type ConsoleTable struct {
	Title   string     // "customers"
	Columns []string   // headings
	Rows    [][]string // a cell per column, in the platform's list order
	Total   int        // records stored; Rows holds at most ConsoleRows of them
}

// Column is one column of a console table: its heading and how a record
// fills its cell.
type Column[T any] struct {
	Heading string
	Cell    func(*T) string
}

// Col is a Column.
func Col[T any](heading string, cell func(*T) string) Column[T] {
	return Column[T]{Heading: heading, Cell: cell}
}

// RecordTable lays recs out under cols: the first ConsoleRows of them.
func RecordTable[T any](title string, recs []T, cols ...Column[T]) ConsoleTable {
	t := ConsoleTable{Title: title, Total: len(recs)}
	for _, c := range cols {
		t.Columns = append(t.Columns, c.Heading)
	}
	for i := range recs[:min(len(recs), ConsoleRows)] {
		row := make([]string, len(cols))
		for j, c := range cols {
			row[j] = c.Cell(&recs[i])
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// Text is an optional string for a console cell: "" when absent.
func Text(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// UnixTime is a Unix timestamp (seconds) for a console cell, in UTC.
func UnixTime(sec int64) string {
	return time.Unix(sec, 0).UTC().Format(time.RFC3339)
}

//go:embed console.html console.css console.js console.svg
var consoleFiles embed.FS

var consolePage = template.Must(template.ParseFS(consoleFiles, "console.html"))

// consoleCSP lets the page load its own style sheet and script, and fetch
// itself, and nothing else: no inline script, whatever a record holds.
const consoleCSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
	"img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// consoleMux serves the page at / and its files (style sheet, script, icon)
// under /_console/; every other path is not found, every other method not
// allowed.
func (s *Server) consoleMux() http.Handler {
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.getConsole)
	for _, name := range []string{"console.css", "console.js", "console.svg"} {
		m.HandleFunc("GET "+consoleBase+name, func(w http.ResponseWriter, r *http.Request) {
			consoleHeaders(w)
			http.ServeFileFS(w, r, consoleFiles, name)
		})
	}
	return m
}

func consoleHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Security-Policy", consoleCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
}

func (s *Server) getConsole(w http.ResponseWriter, _ *http.Request) {
	var b strings.Builder
	if err := consolePage.Execute(&b, s.consoleView()); err != nil {
		http.Error(w, "console: "+err.Error(), http.StatusInternalServerError)
		return
	}
	consoleHeaders(w)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write([]byte(b.String()))
}

// consoleView is what the page shows, as text.
type consoleView struct {
	Generated string // the time of day it was made
	Stamp     string // its Unix time in nanoseconds: the script sees a refresh by it
	Normalize string
	Platforms []consolePlatform
	Requests  []consoleRequest // newest first
	Logged    int              // requests in the log
	Faults    []consoleFault
}

type consolePlatform struct {
	Name, Title, Prefix, RateLimit string
	Tables                         []ConsoleTable
}

type consoleRequest struct {
	Time, Platform, Method, Path, Status, Latency, Fault string
	Class                                                string // for the style sheet: "fault", "error", "pending"
}

type consoleFault struct {
	Platform, Method, Path, Effect, Share, Left string
}

func (s *Server) consoleView() consoleView {
	now := time.Now()
	v := consoleView{
		Generated: now.Format("15:04:05"), Stamp: strconv.FormatInt(now.UnixNano(), 10),
		Normalize: normalizeText(s.Normalize(), s.Emulators()),
	}
	for _, m := range s.mounts {
		v.Platforms = append(v.Platforms, consolePlatform{
			Name: m.Name, Title: strings.TrimSuffix(m.Title, ":"), Prefix: m.Prefix,
			RateLimit: rateText(s.RateLimit(m.Name)), Tables: m.store.Console(),
		})
	}
	var last []Request
	last, v.Logged = s.lastRequests(consoleRequests)
	for _, r := range slices.Backward(last) {
		v.Requests = append(v.Requests, consoleRequestOf(r))
	}
	s.faultMu.Lock()
	for _, f := range s.faults {
		v.Faults = append(v.Faults, consoleFaultOf(f))
	}
	s.faultMu.Unlock()
	return v
}

// lastRequests copies the last n logged requests (without their bodies and
// headers, which the page does not show), oldest first, and counts the log.
func (s *Server) lastRequests(n int) (last []Request, logged int) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	for _, r := range s.log[max(0, len(s.log)-n):] {
		c := *r
		c.Header, c.Body = nil, nil
		last = append(last, c)
	}
	return last, len(s.log)
}

func consoleRequestOf(r Request) consoleRequest {
	c := consoleRequest{
		Time: r.Received.Format("15:04:05.000"), Platform: r.Platform, Method: r.Method, Path: r.Path,
		Status: strconv.Itoa(r.Status), Latency: fmt.Sprintf("%.2f ms", float64(r.Latency)/float64(time.Millisecond)),
	}
	if q := r.Query.Encode(); q != "" {
		c.Path += "?" + q
	}
	switch {
	case r.RateLimited:
		c.Fault, c.Class = "rate limit", "fault"
	case r.Fault != nil:
		c.Fault, c.Class = r.Fault.effect(), "fault"
	case r.Status >= 400:
		c.Class = "error"
	}
	switch {
	case !r.done:
		c.Status, c.Latency, c.Class = "…", "", "pending"
	case r.Status == 0:
		c.Status = "dropped"
	}
	return c
}

func consoleFaultOf(f *activeFault) consoleFault {
	c := consoleFault{
		Platform: cmp.Or(f.Platform, "any"), Method: cmp.Or(f.Method, "any"), Path: cmp.Or(f.Path, "any"),
		Effect: f.effect(), Share: "every", Left: "no end",
	}
	if f.Percent > 0 && f.Percent < 100 {
		c.Share = strconv.Itoa(f.Percent) + "%"
	}
	if f.Times > 0 {
		c.Left = strconv.Itoa(f.Times - f.used)
	}
	return c
}

// effect says what the fault does to a request it takes, in the order
// serve applies it.
func (f Fault) effect() string {
	var parts []string
	if f.Latency > 0 {
		parts = append(parts, "wait "+f.Latency.String())
	}
	retry := ""
	if f.RetryAfter != "" {
		retry = " (Retry-After " + f.RetryAfter + ")"
	}
	switch {
	case f.Body != "":
		parts = append(parts, fmt.Sprintf("answer %d with a set body%s", cmp.Or(f.Status, http.StatusOK), retry))
	case f.Status != 0:
		parts = append(parts, fmt.Sprintf("answer %d%s", f.Status, retry))
	case f.DropAfterCommit:
		parts = append(parts, "handle, then drop the connection")
	case f.StatusAfterCommit != 0:
		parts = append(parts, fmt.Sprintf("handle, then answer %d", f.StatusAfterCommit))
	default:
		parts = append(parts, "handle")
	}
	return strings.Join(parts, ", then ")
}
