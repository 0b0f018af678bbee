/**
 * The merchant's own server, asked from the page: the wheel's `endpoint` draw and the pop-ups'
 * `code-endpoint` (a single-use code per lead). One POST-JSON-read-JSON with a time limit, and
 * the code request on top. A lazy chunk: a page whose widgets call no server never downloads it.
 */

/** How long the server has to answer before the widget falls back (the static code, a spin given back). */
const SERVER_TIMEOUT_MS = 10_000;

/** POSTs `body` as JSON to `url` and resolves to the JSON object answered; throws on a non-2xx, a timeout or no JSON. */
export async function postJson(url: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(SERVER_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const answer: unknown = await response.json();
  return answer && typeof answer == 'object' ? (answer as Record<string, unknown>) : {};
}

/** Asks `url` for this lead's single-use code: `{ code }`, a non-empty string, else it throws. */
export async function fetchUniqueCode(url: string, request: Record<string, unknown>): Promise<string> {
  const { code } = await postJson(url, request);
  if (typeof code != 'string' || !code.trim()) throw new Error(`no code in the answer (${JSON.stringify(code)})`);
  return code.trim();
}
