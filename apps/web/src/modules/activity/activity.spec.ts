import { describe, expect, it } from '@jest/globals';
import { mergeActivity, whenAgo } from './activity';

describe('the activity feed', () => {
  const e = (id: string, createdAt: string) => ({ id, createdAt });

  it('puts a new event on top once, newest first, within the limit', () => {
    const events = [e('2', '2027-01-02T10:00:00Z'), e('1', '2027-01-01T10:00:00Z')];
    expect(mergeActivity(events, e('3', '2027-01-03T10:00:00Z'), 10).map((x) => x.id)).toEqual(['3', '2', '1']);
    expect(mergeActivity(events, e('2', '2027-01-02T10:00:00Z'), 10).map((x) => x.id)).toEqual(['2', '1']);
    expect(mergeActivity(events, e('3', '2027-01-03T10:00:00Z'), 2).map((x) => x.id)).toEqual(['3', '2']);
  });

  it('says how long ago', () => {
    const now = new Date('2027-01-10T12:00:00Z');
    expect(whenAgo('2027-01-10T11:59:50Z', now)).toBe('just now');
    expect(whenAgo('2027-01-10T11:55:00Z', now)).toBe('5 minutes ago');
    expect(whenAgo('2027-01-09T12:00:00Z', now)).toBe('yesterday');
  });
});
