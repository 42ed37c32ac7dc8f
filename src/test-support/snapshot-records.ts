/**
 * Records for hand-written case snapshots (the analysis golden tests): readable fixed ids such as
 * per_0000000001, and bodies parsed by their kind's schema so defaults apply as on import.
 */

/** The record id `<prefix>_<n padded to 10>`. */
export const fixedId = (prefix: string, n: string) => `${prefix}_${n.padStart(10, '0')}`;

/** A snapshot record: its fixed id and its body as the schema reads it. */
export const snapshotRecord = <T>(
  schema: { parse(x: unknown): T },
  prefix: string,
  n: string,
  body: unknown,
) => ({
  id: fixedId(prefix, n),
  body: schema.parse(body),
});
