//go:build !race

package acctest

// raceEnabled: the tests run without -race, and so does the provider they build.
const raceEnabled = false
