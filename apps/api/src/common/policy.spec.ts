import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role, ROLES } from '@concord/shared';
import { describe, expect, it } from '@jest/globals';
import { buildSchema, GraphQLNamedType, GraphQLObjectType, getNamedType, isObjectType } from 'graphql';
import { ACTIONS, Action, can, OPERATION_RULES } from './policy';

const schema = buildSchema(readFileSync(join(__dirname, '../../schema.gql'), 'utf8'));
const ROOTS = ['Query', 'Mutation', 'Subscription'];

function objectTypes(): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter((t: GraphQLNamedType): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'));
}

/** Root fields, and every field of another type that returns an object (a sub-object to authorize). */
function operationsInSchema(): string[] {
  const ops: string[] = [];
  for (const type of objectTypes()) {
    for (const field of Object.values(type.getFields())) {
      if (ROOTS.includes(type.name) || isObjectType(getNamedType(field.type))) ops.push(`${type.name}.${field.name}`);
    }
  }
  return ops.sort();
}

describe('the policy table', () => {
  it('gives every operation and sub-object field in the schema a rule', () => {
    const missing = operationsInSchema().filter((op) => !(op in OPERATION_RULES));
    expect(missing).toEqual([]);
  });

  it('has no rule for an operation the schema does not have', () => {
    const fields = new Set(objectTypes().flatMap((t) => Object.keys(t.getFields()).map((f) => `${t.name}.${f}`)));
    expect(Object.keys(OPERATION_RULES).filter((k) => !fields.has(k))).toEqual([]);
  });

  it('names only actions that exist or the open rules', () => {
    for (const rule of Object.values(OPERATION_RULES)) {
      expect(rule in ACTIONS || ['public', 'signedIn', 'inherit'].includes(rule)).toBe(true);
    }
  });

  it('denies by default: no role, or an unknown action', () => {
    expect(can(null, 'workspace.read')).toBe(false);
    expect(can(undefined, 'members.read')).toBe(false);
    expect(can(Role.LEAD, 'no.such.action' as Action)).toBe(false);
  });

  it('only a lead manages members, roles and invitations', () => {
    for (const action of ['members.invite', 'members.changeRole', 'members.remove', 'invitations.read', 'invitations.revoke', 'audit.read'] as Action[]) {
      expect(ROLES.filter((r) => can(r, action))).toEqual([Role.LEAD]);
    }
  });

  it('every role sees the workspace; reviewers see neither members nor content', () => {
    expect(ROLES.every((r) => can(r, 'workspace.read'))).toBe(true);
    expect(can(Role.REVIEWER, 'members.read')).toBe(false);
    expect(can(Role.REVIEWER, 'content.read')).toBe(false);
    expect(can(Role.OBSERVER, 'members.read')).toBe(true);
    expect(can(Role.OBSERVER, 'content.read')).toBe(true);
  });

  it('only sign-in, sign-out, me and invitation links are public', () => {
    const open = Object.entries(OPERATION_RULES).filter(([, r]) => r === 'public').map(([k]) => k).sort();
    expect(open).toEqual(['Mutation.acceptInvitation', 'Mutation.login', 'Mutation.logout', 'Query.invitation', 'Query.me']);
  });

  it('observers are granted no action that writes', () => {
    const writes = Object.keys(ACTIONS).filter((a) => !a.endsWith('.read') && a !== 'members.updateOwn') as Action[];
    expect(writes.filter((a) => can(Role.OBSERVER, a))).toEqual([]);
  });
});
