/**
 * A lookup by a name, remembered: a long text asks for the same words many times. The memory is
 * forgotten whole past `limit` names, so a text of unbounded size keeps it bounded. Pure (but for the
 * memory it keeps).
 */
export function boundedMemo<T>(lookup: (name: string) => T, limit = 50_000): (name: string) => T {
  const memo = new Map<string, T>();
  return (name) => {
    if (memo.has(name)) return memo.get(name) as T;
    if (memo.size > limit) memo.clear();
    const found = lookup(name);
    memo.set(name, found);
    return found;
  };
}
