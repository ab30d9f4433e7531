// Per-request DataLoaders (STYLE habit 10). Each GraphQL request gets its own set in its context, made
// lazily by name, so a batch or a cached value never spans two requests, and so never two viewers.
// Loaders only fetch: the policy guard still authorizes every field before its resolver asks one.
import DataLoader from 'dataloader';

export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  /**
   * `cache: false` for a subscription, whose one context outlives many events: batching within an
   * event still happens, but each event reads fresh rows.
   */
  constructor(private readonly options: { cache: boolean } = { cache: true }) {}

  /** The request's loader called `name`, made from `batch` on first use. A name means one batch function. */
  get<K, V, C = K>(name: string, batch: (keys: readonly K[]) => Promise<V[]>, cacheKey?: (key: K) => C): DataLoader<K, V, C> {
    let loader = this.loaders.get(name) as DataLoader<K, V, C> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V, C>(async (keys) => batch(keys), { cache: this.options.cache, cacheKeyFn: cacheKey, maxBatchSize: 500 });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** One row (or null) per key, in the keys' order. */
export function oneEach<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): (R | null)[] {
  const byKey = new Map<K, R>();
  for (const r of rows) byKey.set(keyOf(r), r);
  return keys.map((k) => byKey.get(k) ?? null);
}

/** The rows of each key (possibly none), in the keys' order; rows keep their order within a key. */
export function manyEach<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const byKey = new Map<K, R[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = byKey.get(k);
    if (list) list.push(r);
    else byKey.set(k, [r]);
  }
  return keys.map((k) => byKey.get(k) ?? []);
}

/** Distinct keys, for an IN (...) list. */
export function distinct<K>(keys: readonly K[]): K[] {
  return [...new Set(keys)];
}
