/**
 * A closed vocabulary's values, in the order of its `as const` object, and a guard that tells
 * whether an unknown value is one of them. For `Role = { coach: 'coach', … } as const`:
 * `export const [ROLES, isRole] = vocabulary(Role);`
 */
export function vocabulary<const V extends Readonly<Record<string, string>>>(names: V): readonly [readonly V[keyof V][], (value: unknown) => value is V[keyof V]] {
  const values = Object.values(names) as V[keyof V][];
  const known = new Set<string>(values);
  return [values, (value: unknown): value is V[keyof V] => typeof value === 'string' && known.has(value)];
}
