// Calls the simulator's plain-JSON /_sim/ routes for the command-line tools: the answer's JSON, or an
// error carrying the route's message.

export class SimAdminError extends Error {
  override readonly name = 'SimAdminError';
}

export async function callSimRoute<T>(endpoint: string, method: string, path: string, body?: unknown): Promise<T> {
  const url = new URL(path, endpoint);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new SimAdminError(`no simulator answered at ${url.href} (${cause}); start one with cloudhsm-sim start (npm start), or name it with --endpoint URL`);
  }
  const text = await response.text();
  const parsed = text === '' ? {} : (JSON.parse(text) as { message?: string });
  if (!response.ok) throw new SimAdminError(`${response.status}: ${parsed.message ?? text}`);
  return parsed as T;
}
