/**
 * A parser that remembers what it returned for its most recent `size` inputs, by the key `keyOf` makes of them (the
 * text, and the file name when the result names it). The fix engine analyses the same files again for every fix it
 * proves, and the parsers are pure: a text already parsed then costs nothing. Callers share what it returns, so none
 * may change it.
 */
export function rememberedParser<A extends unknown[], T>(
  parse: (...args: A) => T,
  keyOf: (...args: A) => string,
  size = 64,
): (...args: A) => T {
  const results = new Map<string, T>();
  return (...args) => {
    const key = keyOf(...args);
    if (results.has(key)) return results.get(key) as T;
    const result = parse(...args);
    if (results.size >= size) results.delete(results.keys().next().value as string);
    results.set(key, result);
    return result;
  };
}
