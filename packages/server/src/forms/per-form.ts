import type { FormDefinition } from '@ponte/forms';

/**
 * `derive` of a form definition, worked out on first use and kept with the
 * definition: definitions never change once loaded, and what a submission
 * needs of its form (its signature fields, say) need not be searched for on
 * every submission.
 */
export function perForm<T>(derive: (def: FormDefinition) => T): (def: FormDefinition) => T {
  const derived = new WeakMap<FormDefinition, T>();
  return (def) => {
    if (!derived.has(def)) derived.set(def, derive(def));
    return derived.get(def)!;
  };
}
