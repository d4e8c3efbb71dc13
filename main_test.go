package main

import (
	"os"
	"testing"
)

func TestQuietUnlessLogging(t *testing.T) {
	quieted := []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER"}
	cases := []struct {
		name  string
		env   map[string]string
		quiet bool
	}{
		{"no logging asked for", nil, true},
		{"only a log path", map[string]string{"TF_LOG_PATH": "/tmp/tf.log"}, true},
		{"TF_LOG off", map[string]string{"TF_LOG": "off"}, true},
		{"TF_LOG empty", map[string]string{"TF_LOG": ""}, true},
		{"TF_LOG", map[string]string{"TF_LOG": "trace"}, false},
		{"provider logs", map[string]string{"TF_LOG_PROVIDER": "debug"}, false},
		{"this provider's logs", map[string]string{"TF_LOG_PROVIDER_CRM": "debug"}, false},
		{"framework logs", map[string]string{"TF_LOG_SDK_FRAMEWORK": "trace"}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, v := range append(quieted, "TF_LOG", "TF_LOG_PATH", "TF_LOG_PROVIDER_CRM") {
				t.Setenv(v, "")
				os.Unsetenv(v)
			}
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			quietUnlessLogging()
			for _, v := range quieted {
				got, set := os.LookupEnv(v)
				if tc.quiet && got != "off" {
					t.Errorf("%s = %q, want off", v, got)
				}
				if !tc.quiet && set && got == "off" {
					t.Errorf("%s turned off although the user asked for logs", v)
				}
			}
		})
	}
}
