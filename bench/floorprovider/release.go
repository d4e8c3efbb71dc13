package main

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// releasingServer works around what internal/provider/server.go explains:
// terraform-plugin-framework v1.19 keeps every RPC's context alive until
// StopProvider, some 17 KB each, so a framework provider's heap grows with
// every resource instance. The crm provider releases them; a floor that
// did not would be slower (a larger heap to mark) and look bigger, and the
// crm provider would look better than it is. Only the RPCs Terraform calls
// once per instance are wrapped. (Not shared with internal/provider: the
// bench may not change the provider to serve it.)
type releasingServer struct{ tfprotov6.ProviderServer }

func (s releasingServer) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return released(ctx, s.ProviderServer.ValidateResourceConfig, req)
}

func (s releasingServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return released(ctx, s.ProviderServer.UpgradeResourceState, req)
}

func (s releasingServer) UpgradeResourceIdentity(ctx context.Context, req *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return released(ctx, s.ProviderServer.UpgradeResourceIdentity, req)
}

func (s releasingServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return released(ctx, s.ProviderServer.ReadResource, req)
}

func (s releasingServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return released(ctx, s.ProviderServer.PlanResourceChange, req)
}

func (s releasingServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return released(ctx, s.ProviderServer.ApplyResourceChange, req)
}

// released runs one RPC with a context that drops ctx when the RPC returns.
func released[Req, Resp any](ctx context.Context, rpc func(context.Context, Req) (Resp, error), req Req) (Resp, error) {
	rc := &releasable{}
	rc.ctx.Store(&ctx)
	defer rc.ctx.Store(&background) //nolint:contextcheck // dropping ctx is the point
	return rpc(rc, req)             //nolint:contextcheck // rc is ctx until the RPC returns
}

var background = context.Background()

// releasable is its ctx until released, then Background.
type releasable struct {
	ctx atomic.Pointer[context.Context]
}

func (c *releasable) current() context.Context    { return *c.ctx.Load() }
func (c *releasable) Deadline() (time.Time, bool) { return c.current().Deadline() }
func (c *releasable) Done() <-chan struct{}       { return c.current().Done() }
func (c *releasable) Err() error                  { return c.current().Err() }
func (c *releasable) Value(key any) any           { return c.current().Value(key) }
