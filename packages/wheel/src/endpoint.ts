/**
 * The `endpoint` draw: the merchant's server picks the slice (and keeps the codes out of the
 * page). Its own module, which the wheel imports only when it has an `endpoint` (as soon as the
 * attribute is read, so it is there by the first spin): a wheel that draws in the page never
 * downloads it.
 */

/** How long the server has to answer before the spin is given back to the shopper. */
const ENDPOINT_TIMEOUT_MS = 10_000;

/**
 * POSTs `{ campaign, email }` to `url` and reads `{ segment, code }`: the index of the slice
 * drawn (one of `count`) and its code, null for a losing one. Throws when the server fails or
 * answers something else.
 */
export async function drawOnServer(
  url: string,
  request: { campaign: string; email: unknown },
  count: number,
): Promise<[number, string | null]> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
    signal: AbortSignal.timeout(ENDPOINT_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const { segment, code } = ((await response.json()) ?? {}) as { segment?: unknown; code?: unknown };
  if (typeof segment != 'number' || !(segment >= 0 && segment < count && Number.isInteger(segment)))
    throw new Error(`no segment ${JSON.stringify(segment)}`);
  return [segment, typeof code == 'string' && code.trim() ? code.trim() : null];
}
