// The case-study template's field types and the validation of answers against them. Pure: the API
// validates with these, and the field-level error codes are the ones clients show.

export const FIELD_TYPES = ['TEXT', 'LONG_TEXT', 'NUMBER', 'DATE', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'URL'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const FIELD_LIMITS = {
  textMax: 500,
  longTextMax: 10_000,
  labelMax: 200,
  helpMax: 1000,
  optionMax: 200,
  optionsMax: 50,
  fieldsMax: 100,
  sectionsMax: 30,
  sectionTitleMax: 200,
} as const;

export interface TemplateField {
  id: string;
  label: string;
  type: FieldType;
  required: boolean;
  help: string;
  /** The choices of a single- or multiple-choice field; empty otherwise. */
  options: string[];
}
export interface TemplateSection {
  id: string;
  title: string;
  fields: TemplateField[];
}

/** A value as stored: text (text, long text, date, URL, single choice), a number, or a list of choices. */
export type StoredValue = string | number | string[];

export interface AnswerInput {
  fieldId: string;
  value?: string | null;
  choices?: string[] | null;
}

export type FieldErrorCode =
  | 'REQUIRED'
  | 'UNKNOWN_FIELD'
  | 'DUPLICATE_ANSWER'
  | 'WRONG_TYPE'
  | 'TOO_LONG'
  | 'NOT_A_NUMBER'
  | 'NOT_A_DATE'
  | 'NOT_A_URL'
  | 'NOT_AN_OPTION'
  | 'ONE_CHOICE_ONLY';

export interface FieldError {
  fieldId: string;
  code: FieldErrorCode;
  message: string;
}

export const isChoice = (type: FieldType) => type === 'SINGLE_CHOICE' || type === 'MULTIPLE_CHOICE';

function validDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function validUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.') && !/\s/.test(s);
  } catch {
    return false;
  }
}

/** One answer against its field: the value to store (null when left empty), or the error. */
export function checkAnswer(field: TemplateField, answer: AnswerInput): { value: StoredValue | null } | { error: FieldError } {
  const fail = (code: FieldErrorCode, message: string) => ({ error: { fieldId: field.id, code, message: `${field.label}: ${message}` } });
  const hasChoices = answer.choices !== undefined && answer.choices !== null;
  const hasValue = answer.value !== undefined && answer.value !== null;
  if (isChoice(field.type)) {
    if (hasValue) return fail('WRONG_TYPE', 'choose from the options (choices), not free text');
    const choices = [...new Set((answer.choices ?? []).map((c) => c.trim()).filter((c) => c.length > 0))];
    if (choices.length === 0) return { value: null };
    const unknown = choices.filter((c) => !field.options.includes(c));
    if (unknown.length > 0) return fail('NOT_AN_OPTION', `not an option: ${unknown.join(', ')}`);
    if (field.type === 'SINGLE_CHOICE') {
      if (choices.length > 1) return fail('ONE_CHOICE_ONLY', 'choose one option');
      return { value: choices[0] };
    }
    // Kept in the template's order, so answers read the same whoever gave them.
    return { value: field.options.filter((o) => choices.includes(o)) };
  }
  if (hasChoices) return fail('WRONG_TYPE', 'expects a value, not a list of choices');
  const raw = (answer.value ?? '').trim();
  if (raw.length === 0) return { value: null };
  switch (field.type) {
    case 'TEXT':
      if (raw.includes('\n')) return fail('WRONG_TYPE', 'is a single line of text');
      return raw.length > FIELD_LIMITS.textMax ? fail('TOO_LONG', `at most ${FIELD_LIMITS.textMax} characters`) : { value: raw };
    case 'LONG_TEXT':
      return raw.length > FIELD_LIMITS.longTextMax ? fail('TOO_LONG', `at most ${FIELD_LIMITS.longTextMax} characters`) : { value: raw };
    case 'NUMBER': {
      if (!/^-?\d+(\.\d+)?$/.test(raw.replace(/,/g, ''))) return fail('NOT_A_NUMBER', 'must be a number');
      const n = Number(raw.replace(/,/g, ''));
      return Number.isFinite(n) ? { value: n } : fail('NOT_A_NUMBER', 'must be a number');
    }
    case 'DATE':
      return validDate(raw) ? { value: raw } : fail('NOT_A_DATE', 'must be a date (YYYY-MM-DD)');
    case 'URL':
      return raw.length <= 2000 && validUrl(raw) ? { value: raw } : fail('NOT_A_URL', 'must be a web address starting http:// or https://');
    default:
      return fail('WRONG_TYPE', `has an unknown field type ${String(field.type)}`);
  }
}

/**
 * Answers against a template's fields. A draft may leave anything empty; a submission (`complete`)
 * must answer every required field. Returns every error, not only the first, so a form can mark each.
 */
export function validateAnswers(fields: readonly TemplateField[], answers: readonly AnswerInput[], complete: boolean): { values: Record<string, StoredValue>; errors: FieldError[] } {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const values: Record<string, StoredValue> = {};
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const a of answers) {
    const field = byId.get(a.fieldId);
    if (!field) {
      errors.push({ fieldId: a.fieldId, code: 'UNKNOWN_FIELD', message: `${a.fieldId}: is not a field of this template` });
      continue;
    }
    if (seen.has(a.fieldId)) {
      errors.push({ fieldId: a.fieldId, code: 'DUPLICATE_ANSWER', message: `${field.label}: answered twice` });
      continue;
    }
    seen.add(a.fieldId);
    const checked = checkAnswer(field, a);
    if ('error' in checked) errors.push(checked.error);
    else if (checked.value !== null) values[field.id] = checked.value;
  }
  if (complete) errors.push(...missingRequired(fields, values).filter((e) => !errors.some((x) => x.fieldId === e.fieldId)));
  return { values, errors };
}

export function missingRequired(fields: readonly TemplateField[], values: Record<string, StoredValue>): FieldError[] {
  return fields
    .filter((f) => f.required && (values[f.id] === undefined || (Array.isArray(values[f.id]) && (values[f.id] as string[]).length === 0)))
    .map((f) => ({ fieldId: f.id, code: 'REQUIRED' as const, message: `${f.label}: is required` }));
}

export interface TemplateProblem {
  /** Where, as a dotted path under the template ("sections.0.fields.2.options"). */
  path: string;
  code: 'UNKNOWN_FIELD_TYPE' | 'REQUIRED' | 'TOO_LONG' | 'TOO_MANY' | 'NEEDS_OPTIONS' | 'DUPLICATE' | 'OPTIONS_NOT_ALLOWED';
  message: string;
}

/** Problems in a template definition; an empty list means it can be saved. */
export function templateProblems(sections: readonly { title: string; fields: readonly { id?: string | null; label: string; type: string; help?: string | null; options?: readonly string[] | null }[] }[]): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const add = (path: string, code: TemplateProblem['code'], message: string) => problems.push({ path, code, message: `${path}: ${message}` });
  if (sections.length === 0) add('sections', 'REQUIRED', 'a template needs at least one section');
  if (sections.length > FIELD_LIMITS.sectionsMax) add('sections', 'TOO_MANY', `at most ${FIELD_LIMITS.sectionsMax} sections`);
  const total = sections.reduce((n, s) => n + s.fields.length, 0);
  if (total > FIELD_LIMITS.fieldsMax) add('sections', 'TOO_MANY', `at most ${FIELD_LIMITS.fieldsMax} fields in all`);
  const ids = new Set<string>();
  sections.forEach((s, si) => {
    const sp = `sections.${si}`;
    if (!s.title.trim()) add(`${sp}.title`, 'REQUIRED', 'is required');
    if (s.title.length > FIELD_LIMITS.sectionTitleMax) add(`${sp}.title`, 'TOO_LONG', `at most ${FIELD_LIMITS.sectionTitleMax} characters`);
    s.fields.forEach((f, fi) => {
      const fp = `${sp}.fields.${fi}`;
      if (f.id) {
        if (ids.has(f.id)) add(`${fp}.id`, 'DUPLICATE', 'appears twice in the template');
        ids.add(f.id);
      }
      if (!(FIELD_TYPES as readonly string[]).includes(f.type)) add(`${fp}.type`, 'UNKNOWN_FIELD_TYPE', `unknown field type ${f.type}; one of ${FIELD_TYPES.join(', ')}`);
      if (!f.label.trim()) add(`${fp}.label`, 'REQUIRED', 'is required');
      if (f.label.length > FIELD_LIMITS.labelMax) add(`${fp}.label`, 'TOO_LONG', `at most ${FIELD_LIMITS.labelMax} characters`);
      if ((f.help ?? '').length > FIELD_LIMITS.helpMax) add(`${fp}.help`, 'TOO_LONG', `at most ${FIELD_LIMITS.helpMax} characters`);
      const options = (f.options ?? []).map((o) => o.trim());
      if (isChoice(f.type as FieldType)) {
        if (options.filter((o) => o.length > 0).length === 0) add(`${fp}.options`, 'NEEDS_OPTIONS', 'a choice field needs at least one option');
        if (options.some((o) => o.length === 0)) add(`${fp}.options`, 'REQUIRED', 'an option cannot be empty');
        if (new Set(options).size !== options.length) add(`${fp}.options`, 'DUPLICATE', 'options must differ');
        if (options.length > FIELD_LIMITS.optionsMax) add(`${fp}.options`, 'TOO_MANY', `at most ${FIELD_LIMITS.optionsMax} options`);
        if (options.some((o) => o.length > FIELD_LIMITS.optionMax)) add(`${fp}.options`, 'TOO_LONG', `options of at most ${FIELD_LIMITS.optionMax} characters`);
      } else if (options.length > 0) {
        add(`${fp}.options`, 'OPTIONS_NOT_ALLOWED', 'only choice fields have options');
      }
    });
  });
  return problems;
}
