/** Small shared types of the store. */

/** A point in time given to the store: a `Date`, or an ISO 8601 string with a UTC offset or `Z`. */
export type Instant = Date | string;

/** Any value that survives `JSON.stringify` / `JSON.parse` unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
