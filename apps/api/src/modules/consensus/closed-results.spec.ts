import { describe, expect, it } from '@jest/globals';
import { ClosedResults } from './closed-results';
import type { RoundStatus, Scale } from './round.entity';

const closed = { status: 'CLOSED' as RoundStatus, scale: 'LIKERT_9' as Scale };

describe('ClosedResults', () => {
  it('keeps results of closed rounds only, never of open, draft or consent rounds', () => {
    const kept = new ClosedResults<string>();
    kept.keep({ status: 'OPEN' as RoundStatus, scale: 'LIKERT_9' as Scale }, 'open', 'r');
    kept.keep({ status: 'DRAFT' as RoundStatus, scale: 'APPROVE' as Scale }, 'draft', 'r');
    kept.keep({ status: 'CLOSED' as RoundStatus, scale: 'CONSENT' as Scale }, 'consent', 'r');
    expect(kept.size).toBe(0);
    kept.keep(closed, 'item', 'result');
    expect(kept.get(closed, 'item')).toBe('result');
    // the same item asked about as an open round (a live-results view before it closed) is not answered from it
    expect(kept.get({ status: 'OPEN' as RoundStatus, scale: 'LIKERT_9' as Scale }, 'item')).toBeUndefined();
    expect(kept.get(closed, 'other')).toBeUndefined();
  });

  it('keeps a result frozen all the way down, so no request can change what the next one reads', () => {
    const kept = new ClosedResults<{ n: number; distribution: number[]; bySector: { sector: string; n: number }[] }>();
    kept.keep(closed, 'item', { n: 3, distribution: [1, 2], bySector: [{ sector: 'HE', n: 3 }] });
    const r = kept.get(closed, 'item')!;
    expect(() => (r.n = 4)).toThrow(TypeError);
    expect(() => r.distribution.push(3)).toThrow(TypeError);
    expect(() => (r.bySector[0].n = 0)).toThrow(TypeError);
    expect(kept.get(closed, 'item')).toEqual({ n: 3, distribution: [1, 2], bySector: [{ sector: 'HE', n: 3 }] });
  });

  it('holds at most its limit, dropping the least recently read', () => {
    const kept = new ClosedResults<number>(3);
    for (const id of ['a', 'b', 'c']) kept.keep(closed, id, id.charCodeAt(0));
    expect(kept.get(closed, 'a')).toBe(97); // read: now the most recent
    kept.keep(closed, 'd', 100);
    expect(kept.size).toBe(3);
    expect(kept.get(closed, 'b')).toBeUndefined();
    expect([kept.get(closed, 'a'), kept.get(closed, 'c'), kept.get(closed, 'd')]).toEqual([97, 99, 100]);
  });
});
