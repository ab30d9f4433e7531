// Results of closed rounds' items, kept in memory. A round's rule is frozen when it opens, and once
// closed it takes no ballot and never reopens (a declaration of interest withdraws ballots from open
// rounds only), so an item's result is fixed at close. Consent rounds are not kept: their verdict
// counts today's eligible members. RoundsService.result keeps and reads them for every caller (the
// results page, exports, briefing packs), which otherwise load every ballot of the round each time.
// (No value imports of the entities: this stays loadable without Nest and TypeORM, for its unit test.)
import type { RoundStatus, Scale } from './round.entity';

/** What a kept result depends on: the round's status and scale. */
export interface RoundState {
  status: RoundStatus;
  scale: Scale;
}

export class ClosedResults<T> {
  private readonly kept = new Map<string, T>();

  /** `limit`: results kept at most; the least recently read go first. */
  constructor(readonly limit = 5_000) {}

  /** Whether results of `round` are fixed, so may be kept. */
  static fixed(round: RoundState): boolean {
    return round.status === ('CLOSED' as RoundStatus) && round.scale !== ('CONSENT' as Scale);
  }

  get(round: RoundState, itemId: string): T | undefined {
    if (!ClosedResults.fixed(round)) return undefined;
    const result = this.kept.get(itemId);
    if (result !== undefined) {
      this.kept.delete(itemId); // most recently read last
      this.kept.set(itemId, result);
    }
    return result;
  }

  /** Keeps `result` frozen, all the way down: every later request gets this one object, so none may change it. */
  keep(round: RoundState, itemId: string, result: T): void {
    if (!ClosedResults.fixed(round)) return;
    this.kept.delete(itemId);
    this.kept.set(itemId, deepFreeze(result));
    if (this.kept.size > this.limit) this.kept.delete(this.kept.keys().next().value as string);
  }

  get size(): number {
    return this.kept.size;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
