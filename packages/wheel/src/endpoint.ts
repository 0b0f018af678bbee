/**
 * The `endpoint` draw: the merchant's server picks the slice (and keeps the codes out of the
 * page). Its own module, which the wheel imports only when it has an `endpoint` (as soon as the
 * attribute is read, so it is there by the first spin): a wheel that draws in the page never
 * downloads it. The request itself is core's (`postJson`), which the pop-ups' `code-endpoint`
 * shares.
 */
import { postJson } from '@vitrine/core';

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
  const { segment, code } = await postJson(url, request);
  if (typeof segment !== 'number' || !(segment >= 0 && segment < count && Number.isInteger(segment)))
    throw new Error(`no segment ${JSON.stringify(segment)}`);
  return [segment, typeof code === 'string' && code.trim() ? code.trim() : null];
}
