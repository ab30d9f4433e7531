// Choices for role and sector inputs, labelled from @concord/shared.
import { ROLE_LABELS, ROLES, SECTOR_LABELS, SECTORS, type Role, type Sector } from '@concord/shared';

export const ROLE_OPTIONS: { value: Role; label: string }[] = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
export const SECTOR_OPTIONS: { value: Sector; label: string }[] = SECTORS.map((sector) => ({
  value: sector,
  label: SECTOR_LABELS[sector],
}));

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isSector(value: string): value is Sector {
  return (SECTORS as readonly string[]).includes(value);
}
