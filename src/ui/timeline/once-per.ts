/**
 * `build`, computed once per key object and kept while the key lives (a
 * WeakMap): derived data of a trace or a geometry shared by every view and the
 * warm-up that asks for it.
 */
export function oncePer<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = build(key);
      cache.set(key, value);
    }
    return value;
  };
}
