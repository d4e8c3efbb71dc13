package acctest

import "os"

// EnvNormalize set to 1 makes every test sandbox normalise values as real
// APIs do where the contract is silent: e-mails lower-cased, GSTINs
// upper-cased, blanks around strings trimmed. `make test` runs every
// platform package's acceptance tests once more that way (`make
// acc-normalizing`, packages from the registry), so the provider never
// relies on an API echoing values back as sent.
const EnvNormalize = "ACC_NORMALIZE"

// Normalizing reports whether test sandboxes normalise values.
func Normalizing() bool { return os.Getenv(EnvNormalize) == "1" }
