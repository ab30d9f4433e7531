// Membership changes as they commit, for whoever holds long-lived access (the collaboration endpoint).
import { Role } from '@concord/shared';
import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';

export interface MembershipChange {
  workspaceId: string;
  userId: string;
  /** The new role, or null when the member was removed. */
  role: Role | null;
}

@Injectable()
export class MembershipEvents {
  readonly changes = new Subject<MembershipChange>();
}
