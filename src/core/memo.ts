/** Memoises a pure string function; forms repeat the same few texts and formats thousands of times. */
export function memo<T>(fn: (s: string) => T, limit = 5000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      v = fn(s);
      if (cache.size >= limit) cache.clear();
      cache.set(s, v);
    }
    return v as T;
  };
}
