// Calls the simulator's plain-JSON /_sim/ routes (the command-line tools, the experiment runner): the
// answer's JSON, or an error with the route's status and message. A simulator started with --admin-token
// wants it back: callers' processes give it as CLOUDHSM_SIM_ADMIN_TOKEN.

export class SimAdminError extends Error {
  override readonly name = 'SimAdminError';

  /** `status`: the route's HTTP status; absent when no simulator answered. */
  constructor(
    message: string,
    readonly status?: number,
    readonly routeMessage?: string,
  ) {
    super(message);
  }
}

export async function callSimRoute<T>(endpoint: string, method: string, path: string, body?: unknown, timeoutMs?: number): Promise<T> {
  const url = new URL(path, endpoint);
  let response: Response;
  try {
    const token = process.env['CLOUDHSM_SIM_ADMIN_TOKEN'];
    const headers: Record<string, string> = {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    };
    response = await fetch(url, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(timeoutMs !== undefined ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new SimAdminError(`no simulator answered at ${url.href} (${cause}); start one with cloudhsm-sim start (npm start), or name it with --endpoint URL`);
  }
  const text = await response.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    parsed = { message: text.slice(0, 200) };
  }
  if (!response.ok) {
    const routeMessage = String(parsed['message'] ?? parsed['__type'] ?? 'no message');
    throw new SimAdminError(`${response.status}: ${routeMessage}`, response.status, routeMessage);
  }
  return parsed as T;
}
