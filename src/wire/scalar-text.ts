// Text forms of blobs and timestamps shared by the JSON and query decoders.

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** A date, or a date-time with its offset (without one, JavaScript would read local time). */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** Standard padded base64 (RFC 4648 section 4), as every AWS SDK sends blobs; undefined when it is not. */
export function decodeBase64(text: string): Buffer | undefined {
  return BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
}

/** An ISO 8601 date-time (`2026-11-29T09:32:38Z`, `...38.123+01:00`); undefined when it is not one. */
export function parseIsoTimestamp(text: string): Date | undefined {
  if (!ISO_8601.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Epoch seconds, with a fraction; undefined when out of Date's range. */
export function fromEpochSeconds(seconds: number): Date | undefined {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
