// The transport of a node's ports 2223-2225: request/response RPC over TLS, framed JSON, pipelined.

export type { ConnectionGate, ConnectionVerdict, FrameVerdict, OpenConnectionsVerdict } from './connection-gate';
export { decodeFrameBody, encodeFrame, FrameDecoder, FrameTooLargeError, MAX_FRAME_BYTES } from './frame-codec';
export { parseWithBuffers, stringifyWithBuffers } from './json-buffer-codec';
export { RpcClient, type CloseListener, type RpcClientOptions } from './rpc-client';
export { RpcConnectionError, RpcConnectionErrorCode } from './rpc-connection-error';
export { RpcErrorCode, type RpcErrorBody, type RpcRequest, type RpcResponse } from './rpc-messages';
export { RpcServer, type ListeningAddress, type RpcServerOptions, type TlsIdentity } from './rpc-server';
export type { RpcConnectionHooks, RpcHandler, RpcHandlers } from './rpc-server-connection';
