//go:build race

package acctest

// raceEnabled: the tests run with -race, and so does the provider they build.
const raceEnabled = true
