// Calls the simulator's plain-JSON /_sim/ routes for the command-line tools: the answer's JSON, or an
// error carrying the route's message.

export class SimAdminError extends Error {
  override readonly name = 'SimAdminError';
}

export async function callSimRoute<T>(endpoint: string, method: string, path: string, body?: unknown): Promise<T> {
  const url = new URL(path, endpoint);
  let response: Response;
  try {
    // A simulator started with --admin-token wants it back: the tools read it from CLOUDHSM_SIM_ADMIN_TOKEN.
    const token = process.env['CLOUDHSM_SIM_ADMIN_TOKEN'];
    const headers: Record<string, string> = {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    };
    response = await fetch(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new SimAdminError(`no simulator answered at ${url.href} (${cause}); start one with cloudhsm-sim start (npm start), or name it with --endpoint URL`);
  }
  const text = await response.text();
  const parsed = text === '' ? {} : (JSON.parse(text) as { message?: string });
  if (!response.ok) throw new SimAdminError(`${response.status}: ${parsed.message ?? text}`);
  return parsed as T;
}
