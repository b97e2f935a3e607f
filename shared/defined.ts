/** An object's keys whose value is not undefined: a patch with `{ key: undefined }` changes nothing. */
export type DefinedOnly<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/**
 * Drops the keys whose value is undefined, so spreading a patch over a record never writes
 * `undefined` into a field the record's type says is always there.
 */
export function definedOnly<T extends object>(patch: T): DefinedOnly<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as DefinedOnly<T>;
}
