//go:build !race

package guides

// raceEnabled: the tests run without -race, and so does the provider they build.
const raceEnabled = false
