// JSON that carries Buffers: key material, ciphertexts and signatures travel inside RPC messages as
// {"$b64":"..."}, at any depth. An object whose only key is "$b64" is therefore reserved.

const BASE64_KEY = '$b64';
const BASE64_MARKER = `"${BASE64_KEY}"`;

/** Throws TypeError for values JSON cannot hold (cycles, BigInt), like JSON.stringify. */
export function stringifyWithBuffers(value: unknown): string {
  // Buffers are swapped out before JSON.stringify sees them: it would first call Buffer.prototype.toJSON,
  // which builds an array of one number per byte (measured: 90% of the cost of a 4 KiB message), and
  // without a replacer V8 keeps its fast serialiser.
  return JSON.stringify(encodeBuffers(value, []));
}

export function parseWithBuffers(text: string): unknown {
  // A reviver visits every value and makes JSON.parse several times slower; most messages hold no Buffer.
  return text.includes(BASE64_MARKER) ? JSON.parse(text, reviveBuffer) : JSON.parse(text);
}

/** Returns `value` itself when it holds no Buffer, else a copy of the objects on the way to each Buffer. */
function encodeBuffers(value: unknown, ancestors: object[]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Uint8Array) {
    return { [BASE64_KEY]: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  }
  // Objects with their own JSON form (Date) are left to JSON.stringify.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  if (ancestors.includes(value)) throw new TypeError('Converting circular structure to JSON');
  ancestors.push(value);
  let copy: Record<string, unknown> | unknown[] | undefined;
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => {
      const encoded = encodeBuffers(item, ancestors);
      if (encoded !== item) ((copy as unknown[] | undefined) ??= [...value])[index] = encoded;
    });
  } else {
    for (const [key, item] of Object.entries(value)) {
      const encoded = encodeBuffers(item, ancestors);
      if (encoded !== item) ((copy as Record<string, unknown> | undefined) ??= { ...value })[key] = encoded;
    }
  }
  ancestors.pop();
  return copy ?? value;
}

function reviveBuffer(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const encoded = (value as Record<string, unknown>)[BASE64_KEY];
  if (typeof encoded === 'string' && Object.keys(value).length === 1) return Buffer.from(encoded, 'base64');
  return value;
}
