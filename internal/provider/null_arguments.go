package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// msgpackNil is a null of any type in MessagePack, as Terraform sends a
// null function argument.
var msgpackNil = []byte{0xc0}

// nullArgumentsServer passes a function argument that came with no value
// at all to the framework as null.
//
// Why: OpenTofu (1.7 to 1.12 at least) leaves a null argument of a
// parameter that allows null out of CallFunction instead of encoding it
// (internal/plugin6/grpc_provider.go: `if paramSpec.AllowNullValue {
// continue }`), and terraform-plugin-framework (v1.19) answers a missing
// value with "Unable to Convert Function Argument ... DynamicValue had no
// JSON or msgpack data set", so provider::crm::e164(null, "GB") failed on
// OpenTofu while Terraform, which sends the null, gets null. OpenTofu omits
// only nulls it has checked the parameter allows, so null is what it means.
type nullArgumentsServer struct{ fullServer }

func (s nullArgumentsServer) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	var args []*tfprotov6.DynamicValue
	for i, a := range req.Arguments {
		if a != nil && (len(a.MsgPack) > 0 || len(a.JSON) > 0) {
			continue
		}
		if args == nil { // the request's slice stays as it came
			args = append([]*tfprotov6.DynamicValue(nil), req.Arguments...)
		}
		args[i] = &tfprotov6.DynamicValue{MsgPack: msgpackNil}
	}
	if args != nil {
		copied := *req
		copied.Arguments = args
		req = &copied
	}
	return s.fullServer.CallFunction(ctx, req)
}
