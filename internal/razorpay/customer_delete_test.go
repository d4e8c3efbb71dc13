package razorpay

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/customerops/terraform-provider-crm/internal/platform"
	"github.com/customerops/terraform-provider-crm/internal/transport"
)

// TestDeleteWarnsAndSendsNothing: the client points at a server that
// counts requests; Delete must send none and only warn, naming the customer.
func TestDeleteWarnsAndSendsNothing(t *testing.T) {
	ctx := context.Background()
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		requests.Add(1)
		w.WriteHeader(http.StatusInternalServerError)
	}))
	defer srv.Close()
	c, err := NewClient(transport.Config{Platform: "razorpay", BaseURL: srv.URL, Auth: transport.BasicAuth{Username: "k", Password: "s"}})
	if err != nil {
		t.Fatal(err)
	}
	r := NewCustomerResource().(resource.ResourceWithConfigure)
	var cr resource.ConfigureResponse
	r.Configure(ctx, resource.ConfigureRequest{ProviderData: platform.Clients{about.Block: c}}, &cr)
	if cr.Diagnostics.HasError() {
		t.Fatal(cr.Diagnostics)
	}
	var sr resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sr)
	st := tfsdk.State{Schema: sr.Schema, Raw: tftypes.NewValue(sr.Schema.Type().TerraformType(ctx), nil)}
	if d := st.SetAttribute(ctx, path.Root("id"), "cust_1Aa00000000004"); d.HasError() {
		t.Fatal(d)
	}
	resp := resource.DeleteResponse{State: st}
	r.Delete(ctx, resource.DeleteRequest{State: st}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("Delete failed: %v", resp.Diagnostics)
	}
	warnings := resp.Diagnostics.Warnings()
	if len(warnings) != 1 {
		t.Fatalf("want one warning, got %v", resp.Diagnostics)
	}
	if n := requests.Load(); n != 0 {
		t.Errorf("Delete sent %d requests to Razorpay, want none", n)
	}
	w := warnings[0]
	for _, want := range []string{"cust_1Aa00000000004", "still exists in Razorpay"} {
		if !strings.Contains(w.Summary(), want) {
			t.Errorf("warning summary %q lacks %q", w.Summary(), want)
		}
	}
	for _, want := range []string{"no API to delete", "nothing was sent", "replaced", "old customer cust_1Aa00000000004 stays"} {
		if !strings.Contains(w.Detail(), want) {
			t.Errorf("warning detail lacks %q: %s", want, w.Detail())
		}
	}
}
