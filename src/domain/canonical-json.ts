/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped. Hashes over
 * records (audit chain, report snapshots, estimate inputs) are computed on this form so that the
 * same content always gives the same hash, whatever the key order it was built with.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortDeep(value));
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortDeep(v)));
  if (value !== null && typeof value === 'object') {
    if (value instanceof Date) return value.toISOString();
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortDeep(v);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new TypeError('non-finite number in canonical JSON');
  return value;
}
