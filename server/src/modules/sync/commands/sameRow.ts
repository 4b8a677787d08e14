/** True when `a` and `b` agree on every key (compared as JSON, so arrays and nulls compare by value). */
export function sameRow<T extends object>(a: T, b: T, keys: (keyof T)[]): boolean {
  return keys.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}
