import { describe, expect, it } from '@jest/globals';
import { checkAnswer, FieldType, TemplateField, templateProblems, validateAnswers } from './fields';

const field = (type: FieldType, extra: Partial<TemplateField> = {}): TemplateField => ({ id: `f-${type}`, label: type, type, required: false, help: '', options: [], ...extra });
const value = (f: TemplateField, v: string) => checkAnswer(f, { fieldId: f.id, value: v });
const choices = (f: TemplateField, c: string[]) => checkAnswer(f, { fieldId: f.id, choices: c });
const code = (r: ReturnType<typeof checkAnswer>) => ('error' in r ? r.error.code : null);

describe('answers per field type', () => {
  it('text: one line, trimmed, at most 500 characters', () => {
    expect(value(field('TEXT'), '  Manchester  ')).toEqual({ value: 'Manchester' });
    expect(code(value(field('TEXT'), 'two\nlines'))).toBe('WRONG_TYPE');
    expect(code(value(field('TEXT'), 'x'.repeat(501)))).toBe('TOO_LONG');
  });
  it('long text: several lines, at most 10,000 characters', () => {
    expect(value(field('LONG_TEXT'), 'a\nb')).toEqual({ value: 'a\nb' });
    expect(code(value(field('LONG_TEXT'), 'x'.repeat(10_001)))).toBe('TOO_LONG');
  });
  it('number: stored as a number; words are refused', () => {
    expect(value(field('NUMBER'), '1,200')).toEqual({ value: 1200 });
    expect(value(field('NUMBER'), '-3.5')).toEqual({ value: -3.5 });
    expect(code(value(field('NUMBER'), 'about forty'))).toBe('NOT_A_NUMBER');
    expect(code(value(field('NUMBER'), '1e9'))).toBe('NOT_A_NUMBER');
  });
  it('date: a real calendar date as YYYY-MM-DD', () => {
    expect(value(field('DATE'), '2024-02-29')).toEqual({ value: '2024-02-29' });
    expect(code(value(field('DATE'), '2023-02-29'))).toBe('NOT_A_DATE');
    expect(code(value(field('DATE'), '02/03/2024'))).toBe('NOT_A_DATE');
  });
  it('URL: http or https with a host', () => {
    expect(value(field('URL'), 'https://example.ac.uk/report')).toEqual({ value: 'https://example.ac.uk/report' });
    expect(code(value(field('URL'), 'javascript:alert(1)'))).toBe('NOT_A_URL');
    expect(code(value(field('URL'), 'not a url'))).toBe('NOT_A_URL');
  });
  it('single choice: one of the options', () => {
    const f = field('SINGLE_CHOICE', { options: ['Yes', 'No'] });
    expect(choices(f, ['Yes'])).toEqual({ value: 'Yes' });
    expect(code(choices(f, ['Maybe']))).toBe('NOT_AN_OPTION');
    expect(code(choices(f, ['Yes', 'No']))).toBe('ONE_CHOICE_ONLY');
    expect(code(value(f, 'Yes'))).toBe('WRONG_TYPE');
  });
  it('multiple choice: options only, kept in the template order', () => {
    const f = field('MULTIPLE_CHOICE', { options: ['A', 'B', 'C'] });
    expect(choices(f, ['C', 'A', 'C'])).toEqual({ value: ['A', 'C'] });
    expect(code(choices(f, ['A', 'Z']))).toBe('NOT_AN_OPTION');
  });
  it('a list given to a value field is the wrong type; empty answers store nothing', () => {
    expect(code(choices(field('NUMBER'), ['1']))).toBe('WRONG_TYPE');
    expect(value(field('NUMBER'), '   ')).toEqual({ value: null });
    expect(choices(field('MULTIPLE_CHOICE', { options: ['A'] }), [])).toEqual({ value: null });
  });
});

describe('a set of answers', () => {
  const fields = [field('TEXT', { id: 'name', label: 'Name', required: true }), field('NUMBER', { id: 'students', label: 'Students' })];
  it('a draft may leave required fields empty; a submission may not', () => {
    expect(validateAnswers(fields, [{ fieldId: 'students', value: '12' }], false)).toEqual({ values: { students: 12 }, errors: [] });
    const submitted = validateAnswers(fields, [{ fieldId: 'students', value: '12' }], true);
    expect(submitted.errors).toEqual([{ fieldId: 'name', code: 'REQUIRED', message: 'Name: is required' }]);
  });
  it('reports every error: unknown fields, duplicates, wrong values', () => {
    const r = validateAnswers(fields, [{ fieldId: 'nope', value: 'x' }, { fieldId: 'students', value: 'many' }, { fieldId: 'students', value: '3' }], false);
    expect(r.errors.map((e) => [e.fieldId, e.code])).toEqual([
      ['nope', 'UNKNOWN_FIELD'],
      ['students', 'NOT_A_NUMBER'],
      ['students', 'DUPLICATE_ANSWER'],
    ]);
  });
});

describe('a template definition', () => {
  it('refuses unknown field types, choice fields without options and options on other fields', () => {
    const problems = templateProblems([
      { title: 'Context', fields: [{ label: 'Rating', type: 'STARS' }, { label: 'Kind', type: 'SINGLE_CHOICE', options: [] }, { label: 'Notes', type: 'TEXT', options: ['x'] }] },
    ]);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['sections.0.fields.0.type', 'UNKNOWN_FIELD_TYPE'],
      ['sections.0.fields.1.options', 'NEEDS_OPTIONS'],
      ['sections.0.fields.2.options', 'OPTIONS_NOT_ALLOWED'],
    ]);
  });
  it('needs a section, titles and labels, and distinct field ids', () => {
    expect(templateProblems([]).map((p) => p.code)).toEqual(['REQUIRED']);
    const p = templateProblems([{ title: ' ', fields: [{ id: 'a', label: '', type: 'TEXT' }, { id: 'a', label: 'B', type: 'TEXT' }] }]);
    expect(p.map((x) => [x.path, x.code])).toEqual([
      ['sections.0.title', 'REQUIRED'],
      ['sections.0.fields.0.label', 'REQUIRED'],
      ['sections.0.fields.1.id', 'DUPLICATE'],
    ]);
  });
  it('accepts a sensible template', () => {
    expect(templateProblems([{ title: 'Model', fields: [{ label: 'Design', type: 'LONG_TEXT' }, { label: 'Type', type: 'SINGLE_CHOICE', options: ['Liaison', 'CMHT'] }] }])).toEqual([]);
  });
});
