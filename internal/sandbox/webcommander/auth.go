package webcommander

import (
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/customerops/terraform-provider-crm/internal/sandbox/httpjson"
)

// Credentials are what the token endpoint accepts: the OAuth client, its
// redirect URI, and the admin user whose "username:password" is sent
// base64-encoded as auth_string.
type Credentials struct {
	ClientID, ClientSecret, RedirectURI string
	Username, Password                  string
}

const (
	grantClientCredentials = "client_credentials"
	grantRefresh           = "refresh_token"
)

// tokenRequest is the token endpoint's JSON body, both grants.
type tokenRequest struct {
	GrantType    string `json:"grant_type"`
	AuthString   string `json:"auth_string"`
	RedirectURI  string `json:"redirect_uri"`
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
	RefreshToken string `json:"refresh_token"`
}

// token is POST /oauth2/token: 201 with a new access and refresh token.
// Every grant checks the client (id, secret, redirect URI) first.
func (h *Handler) token(w http.ResponseWriter, r *http.Request) {
	if !jsonBody(w, r) {
		return
	}
	var req tokenRequest
	body := httpjson.ReadBody(r)
	if o, good := httpjson.DecodeObject(body, true); !good || (len(o) > 0 && json.Unmarshal(body, &req) != nil) {
		fail(w, http.StatusBadRequest, slugBadRequest, msgInvalidJSON)
		return
	}
	if req.GrantType == "" {
		fail(w, http.StatusBadRequest, slugBadRequest, msgNoGrant)
		return
	}
	if req.GrantType != grantClientCredentials && req.GrantType != grantRefresh {
		fail(w, http.StatusBadRequest, slugNoGrantType, msgBadGrant)
		return
	}
	h.store.tok.count(req.GrantType)
	c := h.creds
	if !same(req.ClientID, c.ClientID) || !same(req.ClientSecret, c.ClientSecret) || !same(req.RedirectURI, c.RedirectURI) {
		fail(w, http.StatusUnauthorized, slugBadClient, msgBadClient)
		return
	}
	switch req.GrantType {
	case grantClientCredentials:
		user, err := base64.StdEncoding.DecodeString(req.AuthString)
		if err != nil || !same(string(user), c.Username+":"+c.Password) {
			fail(w, http.StatusUnauthorized, slugBadGrant, msgBadUser)
			return
		}
	default:
		if !h.store.tok.redeem(req.RefreshToken) {
			fail(w, http.StatusUnauthorized, slugBadGrant, msgBadRefresh)
			return
		}
	}
	writeJSON(w, http.StatusCreated, h.store.tok.issue())
}

func same(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

// authorized checks "Authorization: Bearer <token>": one header, the
// scheme in any case (RFC 6750), a live access token.
func (h *Handler) authorized(r *http.Request) bool {
	v := r.Header.Values("Authorization")
	if len(v) != 1 {
		return false
	}
	scheme, token, ok := strings.Cut(v[0], " ")
	return ok && strings.EqualFold(scheme, "Bearer") && token != "" && h.store.tok.valid(token)
}
