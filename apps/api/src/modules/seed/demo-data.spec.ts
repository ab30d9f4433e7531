import { describe, expect, it } from '@jest/globals';
import { DEMO_ACCOUNTS, demoPlan, planYear } from './demo-data';

describe('the demo plan', () => {
  it('is placed in the coming February–May', () => {
    expect(planYear(new Date('2026-11-21T12:00:00Z'))).toBe(2027);
    expect(planYear(new Date('2027-01-31T12:00:00Z'))).toBe(2027);
    expect(planYear(new Date('2027-02-01T00:00:00Z'))).toBe(2028);
  });

  it('holds the three Taskforce meetings and dates within their milestones', () => {
    const plan = demoPlan(new Date('2026-11-21T12:00:00Z'));
    expect(plan.meetings.map((m) => m.heldOn)).toEqual(['2027-02-02', '2027-04-19', '2027-05-31']);
    for (const m of plan.milestones) {
      for (const d of m.deliverables) {
        expect(d.dueOn >= m.startsOn && d.dueOn <= m.dueOn).toBe(true);
      }
    }
  });

  it('has the six demo accounts of the contract, across HE and NHS', () => {
    expect(DEMO_ACCOUNTS.map((a) => a.email)).toEqual([
      'lead@demo.concord.test',
      'editor@demo.concord.test',
      'member.he@demo.concord.test',
      'member.nhs@demo.concord.test',
      'reviewer@demo.concord.test',
      'observer@demo.concord.test',
    ]);
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.sector))).toEqual(new Set(['SECTOR_BODY', 'HE', 'NHS', 'OTHER']));
  });
});
