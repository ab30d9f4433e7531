// The bad-input sweep's view of the schema: every mutation, every String/ID leaf of its arguments
// (through input objects and lists), how to call it, and each field's documented maximum length
// as the DTOs declare it (@MaxLength).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  isScalarType,
} from 'graphql';
import { ROOT } from '../../support/server';

/** One String or ID leaf: its path from the argument ("input.sections.title"), with the lists on the way. */
export interface StringField {
  mutation: string;
  /** Segments from the argument name down; a segment ending in [] is a list. */
  path: string[];
  key: string;
  scalar: 'String' | 'ID';
  /** The leaf itself is a list of strings. */
  list: boolean;
  /** The input type holding the leaf (undefined for a top-level argument). */
  holder?: string;
  leafName: string;
}

export interface MutationInfo {
  name: string;
  field: GraphQLField<unknown, unknown>;
  strings: StringField[];
}

export function loadSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(ROOT, 'apps/api/schema.gql'), 'utf8'));
}

function walk(mutation: string, type: GraphQLInputType, path: string[], holder: string | undefined, leafName: string, out: StringField[]) {
  let t: GraphQLInputType = isNonNullType(type) ? type.ofType : type;
  let list = false;
  if (isListType(t)) {
    list = true;
    t = isNonNullType(t.ofType) ? t.ofType.ofType : t.ofType;
  }
  const named = getNamedType(t);
  if (isInputObjectType(named)) {
    const here = list ? [...path.slice(0, -1), `${path[path.length - 1]}[]`] : path;
    for (const f of Object.values(named.getFields())) walk(mutation, f.type, [...here, f.name], named.name, f.name, out);
  } else if (isScalarType(named) && (named.name === 'String' || named.name === 'ID')) {
    out.push({ mutation, path, key: `${mutation}(${path.join('.')})`, scalar: named.name, list, holder, leafName });
  }
}

export function mutations(schema: GraphQLSchema): MutationInfo[] {
  const fields = schema.getMutationType()!.getFields();
  return Object.values(fields).map((field) => {
    const strings: StringField[] = [];
    for (const a of field.args) walk(field.name, a.type, [a.name], undefined, a.name, strings);
    return { name: field.name, field, strings };
  });
}

/** `{ __typename }` for an object result, nothing for a scalar one. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? ' { __typename }' : '';
}

/**
 * One operation running `count` copies of the mutation under aliases m0…mN, each with its own
 * variables (`<arg>_<i>`). Aliased mutations run one after another in the request.
 */
export function operation(info: MutationInfo, count: number): string {
  const defs: string[] = [];
  const calls: string[] = [];
  for (let i = 0; i < count; i++) {
    const args: string[] = [];
    for (const a of info.field.args) {
      defs.push(`$${a.name}_${i}: ${String(a.type)}`);
      args.push(`${a.name}: $${a.name}_${i}`);
    }
    calls.push(`m${i}: ${info.name}${args.length ? `(${args.join(', ')})` : ''}${selection(info.field)}`);
  }
  return `mutation${defs.length ? `(${defs.join(', ')})` : ''} { ${calls.join(' ')} }`;
}

export function aliasVariables(vars: Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  vars.forEach((v, i) => {
    for (const [k, value] of Object.entries(v)) out[`${k}_${i}`] = value;
  });
  return out;
}

/** Sets the leaf at `path` (lists: their first element; a list leaf becomes a one-element list). */
export function substitute(vars: Record<string, unknown>, field: StringField, value: string): Record<string, unknown> | null {
  const copy = structuredClone(vars) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (let i = 0; i < field.path.length - 1; i++) {
    const seg = field.path[i];
    const isList = seg.endsWith('[]');
    const name = isList ? seg.slice(0, -2) : seg;
    let next = node[name];
    if (isList) {
      if (!Array.isArray(next) || next.length === 0 || typeof next[0] !== 'object' || next[0] === null) return null;
      next = next[0];
    }
    if (typeof next !== 'object' || next === null) return null;
    node = next as Record<string, unknown>;
  }
  const leaf = field.path[field.path.length - 1];
  node[leaf] = field.list ? [value, ...((Array.isArray(node[leaf]) ? (node[leaf] as unknown[]) : []).slice(1))] : value;
  return copy;
}

/** The GraphQL input type name → its DTO class name, where they differ. */
const CLASS_OF: Record<string, string> = { ScoreInput: 'CastScoreInput' };

interface DtoClass {
  name: string;
  base?: string;
  args: boolean;
  /** property → its @MaxLength expression */
  max: Map<string, string>;
  props: Set<string>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : [],
  );
}

/**
 * Documented maximum lengths: the @MaxLength of each DTO property, read from the sources of the
 * @InputType and @ArgsType classes (the Nest 12 modules are ES modules, which Jest cannot load to ask
 * class-validator). Constants are evaluated with the shared limits and each file's own constants.
 * Keys are StringField keys.
 */
export function maxLengths(infos: MutationInfo[], scope: Record<string, unknown>): Map<string, number> {
  const classes = new Map<string, DtoClass>();
  const constants: Record<string, unknown> = { ...scope };
  for (const file of sourceFiles(join(ROOT, 'apps/api/src/modules'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:export )?const ([A-Z][A-Z_]+) = ([^;]+?)(?: as const)?;$/gm)) {
      try {
        constants[m[1]] = new Function(...Object.keys(constants), `return (${m[2]});`)(...Object.values(constants));
      } catch {
        // not a plain value (a regular expression, an options object…)
      }
    }
    for (const m of text.matchAll(/@(InputType|ArgsType)\([^\n]*\)\s*\nexport class (\w+)(?: extends (\w+))? \{([\s\S]*?)\n\}/g)) {
      const cls: DtoClass = { name: m[2], base: m[3], args: m[1] === 'ArgsType', max: new Map(), props: new Set() };
      for (const line of m[4].split('\n')) {
        const prop = /(\w+)[!?]: /.exec(line.replace(/\([^()]*(\([^()]*\))*[^()]*\)/g, '()'));
        if (!prop) continue;
        cls.props.add(prop[1]);
        const max = /@MaxLength\(([^,)]+(?:\s*[+*-]\s*[\w.]+)?)/.exec(line);
        if (max) cls.max.set(prop[1], max[1]);
      }
      classes.set(cls.name, cls);
    }
  }
  const limitOf = (cls: DtoClass | undefined, prop: string): number | undefined => {
    for (let c = cls; c; c = c.base ? classes.get(c.base) : undefined) {
      const expr = c.max.get(prop);
      if (expr) return Number(new Function(...Object.keys(constants), `return (${expr});`)(...Object.values(constants)));
    }
    return undefined;
  };
  const result = new Map<string, number>();
  for (const info of infos) {
    const argNames = info.field.args.map((a) => a.name);
    const argsClass = [...classes.values()].find((c) => c.args && argNames.every((a) => c.props.has(a)) && c.props.size === argNames.length);
    for (const f of info.strings) {
      const max = f.holder ? limitOf(classes.get(CLASS_OF[f.holder] ?? f.holder), f.leafName) : limitOf(argsClass, f.leafName);
      if (max !== undefined && Number.isFinite(max)) result.set(f.key, max);
    }
  }
  return result;
}
