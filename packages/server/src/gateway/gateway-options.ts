/** Tunables of the WebSocket gateway. Every field has a default; see {@link DEFAULT_GATEWAY_OPTIONS}. */
export interface GatewayOptions {
  /** Largest accepted frame, in bytes; larger frames close the socket with 1009. @default 65536 */
  readonly maxFrameBytes: number;
  /** Time a new connection has to log in, in ms; then it is closed with 4408. @default 10000 */
  readonly loginTimeoutMs: number;
  /** Silence after which a connection is considered dead and closed with 4001, in ms. @default 90000 */
  readonly heartbeatTimeoutMs: number;
  /** Sustained requests per second allowed per connection. @default 100 */
  readonly maxRequestsPerSecond: number;
  /** Burst of requests allowed above the sustained rate. @default 200 */
  readonly requestBurst: number;
  /** A connection that keeps exceeding the rate this long is closed with 4429, in ms. @default 5000 */
  readonly floodCloseAfterMs: number;
}

/** Defaults of {@link GatewayOptions}. */
export const DEFAULT_GATEWAY_OPTIONS: GatewayOptions = {
  maxFrameBytes: 65_536,
  loginTimeoutMs: 10_000,
  heartbeatTimeoutMs: 90_000,
  maxRequestsPerSecond: 100,
  requestBurst: 200,
  floodCloseAfterMs: 5_000,
};
