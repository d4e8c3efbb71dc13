package razorpay

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestDeleteWarnsAndSendsNothing: the resource has no client here, so any
// API call would panic; Delete must only warn, naming the customer.
func TestDeleteWarnsAndSendsNothing(t *testing.T) {
	ctx := context.Background()
	r := NewCustomerResource().(*CustomerResource) // configured with no client
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
