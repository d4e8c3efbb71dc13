//go:build race

package guides

// raceEnabled: the tests run with -race, and so does the provider they build.
const raceEnabled = true
