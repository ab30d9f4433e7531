import { describe, expect, it } from '@jest/globals';
import { CollabCloseCode, Role, ROLE_LABELS, ROLES, Sector, SECTOR_LABELS, SECTORS } from './index';

describe('shared vocabulary', () => {
  it('lists every role and sector of the contract, each with a label', () => {
    expect(ROLES).toEqual(Object.values(Role));
    expect(SECTORS).toEqual(Object.values(Sector));
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
    expect(Object.keys(SECTOR_LABELS).sort()).toEqual([...SECTORS].sort());
  });

  it('uses the contract close codes for /collab', () => {
    expect(CollabCloseCode).toMatchObject({ UNAUTHENTICATED: 4401, FORBIDDEN: 4403, NOT_FOUND: 4404, MESSAGE_TOO_BIG: 1009 });
  });
});
