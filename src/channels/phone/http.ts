/** The phone routes' HTTP helpers: the shared ones, and Event Grid's lists of events. */
import type { Request } from 'restify';
import { requestBody } from '../http.ts';

export { pathParam, queryParam, sendError, sendJson } from '../http.ts';

/** The request's JSON body (see `requestBody`); `{}` when there is none. Throws `HttpError`. */
export async function readJson(req: Request): Promise<unknown> {
  return (await requestBody(req)) ?? {};
}

/** Event Grid and Call Automation post arrays of events; one event alone is read as a list of one. */
export function asEventList(body: unknown): Record<string, unknown>[] {
  const list = Array.isArray(body) ? body : [body];
  return list.filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object' && !Array.isArray(e));
}
