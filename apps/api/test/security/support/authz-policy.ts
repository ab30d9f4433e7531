// What the authorization matrix expects, read from the one policy table (apps/api/src/common/policy.ts),
// and how it reads an answer: ALLOW when the guard let the operation through, DENY when it did not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@concord/shared';
import { buildSchema, getNamedType, GraphQLNamedType, GraphQLObjectType, isObjectType, parse, TypeInfo, validate, visit, visitWithTypeInfo } from 'graphql';
import { Action, can, OPERATION_RULES } from '../../../src/common/policy';
import type { GqlResponse } from '../../support/graphql';
import type { Principal, SideKey } from './authz-setup';

export const schema = buildSchema(readFileSync(join(__dirname, '../../../schema.gql'), 'utf8'));
const ROOTS = ['Query', 'Mutation', 'Subscription'];

/**
 * Every operation of the schema, as policy.spec.ts defines it (root fields, and fields of other types
 * that return an object), plus every other field the policy table gives a rule (guarded scalars).
 */
export function operationsInSchema(): string[] {
  const ops = new Set<string>();
  for (const type of Object.values(schema.getTypeMap()).filter((t: GraphQLNamedType): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'))) {
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      if (ROOTS.includes(type.name) || isObjectType(getNamedType(field.type)) || key in OPERATION_RULES) ops.add(key);
    }
  }
  return [...ops].sort();
}

/** A step of the path from the root to the operation under test: the response key and the operation. */
export interface Step {
  responseKey: string;
  op: string;
}

export interface Analysis {
  /** Fields of the query that have a rule, in document order: for a one-path query, the path. */
  ruled: string[];
  /** The path to the target field, or null when the query does not select it. */
  path: Step[] | null;
  errors: string[];
}

export function analyse(query: string, target: string): Analysis {
  let doc;
  try {
    doc = parse(query);
  } catch (e) {
    return { ruled: [], path: null, errors: [String(e)] };
  }
  const errors = validate(schema, doc).map((e) => e.message);
  const info = new TypeInfo(schema);
  const ruled: string[] = [];
  const stack: Step[] = [];
  let path: Step[] | null = null;
  visit(
    doc,
    visitWithTypeInfo(info, {
      Field: {
        enter(node) {
          const parent = info.getParentType();
          const op = parent ? `${parent.name}.${node.name.value}` : node.name.value;
          stack.push({ responseKey: node.alias?.value ?? node.name.value, op });
          if (op in OPERATION_RULES) ruled.push(op);
          if (op === target && !path) path = [...stack];
        },
        leave() {
          stack.pop();
        },
      },
    }),
  );
  return { ruled, path, errors };
}

export type Verdict = 'ALLOW' | 'DENY';
/** How a denial shows: a code, or `null` for a nullable lookup answered with null. */
export type DenyHow = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'null';

export interface Expected {
  verdict: Verdict;
  /** For DENY: the answers that are acceptable (a non-member never sees FORBIDDEN). */
  how: DenyHow[];
  why: string;
}

/**
 * The special cases, in one place. The policy table lets a REVIEWER read review rounds ('review.read'),
 * models and case studies ('model.read', 'caseStudy.read', 'caseStudy.fill'), and the services narrow
 * that (documented in policy.ts and the schema): a reviewer reaches a review round only while it is
 * open and only if invited to it ("null when the viewer may not see it (a reviewer once the round has
 * closed)"), and a model or its case study only as that model's invited contact ("for a model's
 * contact, only their own"). An invocation names the round, model or case study it reaches this way;
 * the principal's `reach` holds what the setup invited them to.
 */
export function reviewerReach(p: Principal, reaches: string | undefined, side: SideKey): boolean {
  if (p.role !== Role.REVIEWER || side !== 'own' || reaches === undefined) return true;
  return p.reach.has(reaches);
}

/** Nullable lookups the guard answers with null (`@Scope(…, { orNull: true })`, documented in the schema). */
export const HIDDEN_AS_NULL = new Set([
  'Query.workspace',
  'Query.document',
  'Query.documentVersion',
  'Query.annotation',
  'Query.reviewRound',
  'Query.round',
  'Query.meeting',
  'Query.decision',
  'Query.practiceModel',
  'Query.caseStudy',
  'PracticeModel.caseStudy',
  'PracticeModel.caseStudyTemplate',
]);

/** The expected outcome of a cell, from OPERATION_RULES and ACTIONS alone (plus `reviewerReach`). */
export function expected(p: Principal, side: SideKey | 'none', ruled: string[], reaches?: string): Expected {
  const byRules = fromRules(p, side, ruled);
  // The service's narrowing applies at the object the invocation reaches, which may come before a
  // field the table denies: either denial may show.
  if (side !== 'none' && !reviewerReach(p, reaches, side)) {
    return { verdict: 'DENY', how: [...new Set<DenyHow>([...byRules.how, 'NOT_FOUND', 'FORBIDDEN', 'null'])], why: `a reviewer outside their open round / model${byRules.verdict === 'DENY' ? `; ${byRules.why}` : ''}` };
  }
  return byRules;
}

function fromRules(p: Principal, side: SideKey | 'none', ruled: string[]): Expected {
  const member = side === 'own' && p.role !== null;
  for (const op of ruled) {
    const rule = OPERATION_RULES[op];
    if (rule === 'public' || rule === 'inherit') continue;
    if (!p.signedIn) return { verdict: 'DENY', how: ['UNAUTHENTICATED'], why: `${op}: ${rule}, signed out` };
    if (rule === 'signedIn') continue;
    const hiddenNull: DenyHow[] = HIDDEN_AS_NULL.has(op) ? ['null'] : [];
    if (!member) return { verdict: 'DENY', how: ['NOT_FOUND', ...hiddenNull], why: `${op}: ${rule}, not a member` };
    if (!can(p.role, rule as Action)) return { verdict: 'DENY', how: ['FORBIDDEN', ...hiddenNull], why: `${op}: ${rule} not granted to ${p.role}` };
  }
  return { verdict: 'ALLOW', how: [], why: ruled.map((op) => `${op}: ${OPERATION_RULES[op]}`).join(', ') };
}

export interface Observed {
  verdict: Verdict | 'UNREACHED' | 'ERROR';
  how: string;
}

const DENY_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'];
/** Domain errors raised after the policy let the operation through. */
const AFTER_POLICY = ['BAD_USER_INPUT', 'CONFLICT'];

/** Reads an HTTP answer: an error code of the guard, a hidden lookup's null, or the target field in the data. */
export function classify(r: GqlResponse, path: Step[]): Observed {
  const codes = (r.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
  const deny = codes.find((c) => DENY_CODES.includes(c));
  if (deny) return { verdict: 'DENY', how: deny };
  const unexpected = codes.find((c) => !AFTER_POLICY.includes(c));
  if (unexpected) return { verdict: 'ERROR', how: `${unexpected}: ${r.errors!.map((e) => e.message).join('; ')}` };
  if (codes.length > 0) return { verdict: 'ALLOW', how: codes[0] };
  return walk(r.data, path, 0);
}

function walk(value: unknown, path: Step[], i: number): Observed {
  if (Array.isArray(value)) {
    const seen = value.map((v) => walk(v, path, i));
    return seen.find((o) => o.verdict === 'ALLOW') ?? seen[0] ?? { verdict: 'UNREACHED', how: `empty list before ${path[i].op}` };
  }
  if (value === null || value === undefined) {
    const parent = path[i - 1];
    return parent && HIDDEN_AS_NULL.has(parent.op) ? { verdict: 'DENY', how: 'null' } : { verdict: 'UNREACHED', how: `null before ${path[i].op}` };
  }
  const step = path[i];
  const obj = value as Record<string, unknown>;
  if (!(step.responseKey in obj)) return { verdict: 'UNREACHED', how: `no ${step.op} in the answer` };
  const next = obj[step.responseKey];
  if (i === path.length - 1) return next === null && HIDDEN_AS_NULL.has(step.op) ? { verdict: 'DENY', how: 'null' } : { verdict: 'ALLOW', how: 'data' };
  return walk(next, path, i + 1);
}

/** A subscription: the guard's error arrives at once; no error means it was accepted. */
export function classifySubscription(errors: { message: string; extensions?: { code?: string } }[], events: number): Observed {
  if (errors.length > 0) {
    const code = errors[0].extensions?.code;
    if (code && DENY_CODES.includes(code)) return { verdict: 'DENY', how: code };
    return { verdict: 'ERROR', how: `${code ?? 'NO_CODE'}: ${errors[0].message}` };
  }
  return { verdict: 'ALLOW', how: events > 0 ? 'event' : 'accepted' };
}
