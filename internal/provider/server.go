package provider

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// NewServer returns the provider's protocol 6 server factory: the
// framework's, with each per-resource RPC given a context released when the
// RPC returns.
//
// Why: terraform-plugin-framework (v1.19) registers a cancel func for every
// RPC's context in a slice that only StopProvider clears, so every RPC's
// context (its loggers, fields and gRPC stream, about 17 KB) stays alive as
// long as the provider process: a plan of 1,000 customers grew the live heap
// to 70 MB and the process to 150 MiB. The framework keeps only the small
// releasable wrapper.
//
// Function calls also go through nullArgumentsServer, so a null argument
// reaches the functions as null from OpenTofu too.
func NewServer(version string) func() tfprotov6.ProviderServer {
	framework := providerserver.NewProtocol6(New(version)())
	return func() tfprotov6.ProviderServer {
		inner := framework()
		full, ok := inner.(fullServer)
		if !ok { // a framework whose server lacks an optional RPC set
			return inner
		}
		return Releasing(nullArgumentsServer{full})
	}
}

// Releasing wraps a framework provider server so that each per-resource
// RPC's context is released when the RPC returns (see NewServer). The
// bench's no-API floor provider is served the same way, so that the gap
// to it is the provider's own cost.
func Releasing(inner tfprotov6.ProviderServer) tfprotov6.ProviderServer {
	full, ok := inner.(fullServer)
	if !ok {
		return inner
	}
	return releasingServer{full}
}

// fullServer is every RPC set the framework's server implements, so that
// wrapping it hides none of them.
//
//nolint:staticcheck // Deprecated only because they will move into ProviderServer; until then the framework implements them apart.
type fullServer interface {
	tfprotov6.ProviderServer
	tfprotov6.ProviderServerWithListResource
	tfprotov6.ProviderServerWithActions
	tfprotov6.ProviderServerWithStateStores
}

// releasingServer wraps the RPCs Terraform calls once per resource
// instance; the others run a few times per process.
type releasingServer struct{ fullServer }

func (s releasingServer) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return released(ctx, s.fullServer.ValidateResourceConfig, req)
}

func (s releasingServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return released(ctx, s.fullServer.UpgradeResourceState, req)
}

func (s releasingServer) UpgradeResourceIdentity(ctx context.Context, req *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return released(ctx, s.fullServer.UpgradeResourceIdentity, req)
}

func (s releasingServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return released(ctx, s.fullServer.ReadResource, req)
}

func (s releasingServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return released(ctx, s.fullServer.PlanResourceChange, req)
}

func (s releasingServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return released(ctx, s.fullServer.ApplyResourceChange, req)
}

func (s releasingServer) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return released(ctx, s.fullServer.ImportResourceState, req)
}

func (s releasingServer) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return released(ctx, s.fullServer.ValidateDataResourceConfig, req)
}

func (s releasingServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return released(ctx, s.fullServer.ReadDataSource, req)
}

// released runs one RPC with a context that lets go of ctx when it returns.
func released[Req, Resp any](ctx context.Context, rpc func(context.Context, Req) (Resp, error), req Req) (Resp, error) {
	rc := &releasableContext{}
	rc.ctx.Store(&ctx)
	defer rc.release()  //nolint:contextcheck // releasing is what drops ctx
	return rpc(rc, req) //nolint:contextcheck // rc is ctx until the RPC returns
}

// releasableContext is ctx until released, then Background: whatever
// still holds it after the RPC holds only this wrapper.
type releasableContext struct {
	ctx atomic.Pointer[context.Context]
}

// background is what a released context answers with: no deadline, never
// done, no values.
var background = context.Background()

func (c *releasableContext) release() { c.ctx.Store(&background) } //nolint:contextcheck // see background

func (c *releasableContext) current() context.Context { return *c.ctx.Load() }

func (c *releasableContext) Deadline() (time.Time, bool) { return c.current().Deadline() }
func (c *releasableContext) Done() <-chan struct{}       { return c.current().Done() }
func (c *releasableContext) Err() error                  { return c.current().Err() }
func (c *releasableContext) Value(key any) any           { return c.current().Value(key) }
