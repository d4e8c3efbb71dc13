package provider

import (
	"context"
	"errors"
	"runtime"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

type ctxKey struct{}

// rpcRecorder keeps the context of every RPC, as the framework does.
type rpcRecorder struct {
	fullServer
	kept []context.Context
}

func (r *rpcRecorder) ReadResource(ctx context.Context, _ *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	if ctx.Value(ctxKey{}) != "rpc" {
		panic("the RPC lost its context's values")
	}
	r.kept = append(r.kept, ctx)
	return &tfprotov6.ReadResourceResponse{}, nil
}

// TestReleasingServerLetsGoOfContexts: a context kept past its RPC no longer
// reaches the RPC's values (loggers, gRPC stream), so they can be freed.
func TestReleasingServerLetsGoOfContexts(t *testing.T) {
	rec := &rpcRecorder{}
	s := releasingServer{rec}
	big := make([]byte, 1<<20)
	ctx := context.WithValue(context.WithValue(context.Background(), ctxKey{}, "rpc"), &big, big)
	if _, err := s.ReadResource(ctx, &tfprotov6.ReadResourceRequest{}); err != nil {
		t.Fatal(err)
	}
	kept := rec.kept[0]
	if kept.Value(ctxKey{}) != nil || kept.Value(&big) != nil {
		t.Fatal("a context kept after its RPC still reaches the RPC's values")
	}
	runtime.KeepAlive(big)
}

func TestReleasingServerPassesCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.WithValue(context.Background(), ctxKey{}, "rpc"))
	done := make(chan error, 1)
	rec := &blockingRead{fullServer: &rpcRecorder{}, started: make(chan struct{}), result: done}
	s := releasingServer{rec}
	go func() { _, _ = s.ReadResource(ctx, &tfprotov6.ReadResourceRequest{}) }()
	<-rec.started
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("the RPC saw %v after its caller gave up, want context.Canceled", err)
	}
}

type blockingRead struct {
	fullServer
	started chan struct{}
	result  chan error
}

func (b *blockingRead) ReadResource(ctx context.Context, _ *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	// What the framework does with it: derive its own cancellable context.
	inner, stop := context.WithCancel(ctx)
	defer stop()
	close(b.started)
	<-inner.Done()
	b.result <- inner.Err()
	return &tfprotov6.ReadResourceResponse{}, nil
}

func TestNewServerWrapsTheFramework(t *testing.T) {
	if _, ok := NewServer("test")().(releasingServer); !ok {
		t.Fatal("the framework's server no longer implements every RPC set: contexts are not released")
	}
}
