// The field-level errors the API lists in `extensions.errors` (one per answer or template field at fault).
import { CombinedGraphQLErrors } from '@apollo/client';

export interface FieldProblem {
  /** The answer's field id, or the template path ("input.sections.0.fields.2.options"). */
  key: string;
  code: string;
  message: string;
}

export function fieldProblems(error: unknown): FieldProblem[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  const list = error.errors[0]?.extensions?.errors;
  if (!Array.isArray(list)) return [];
  return list.map((e: { fieldId?: string; field?: string; code?: string; message?: string }) => ({ key: e.fieldId ?? e.field ?? '', code: e.code ?? '', message: e.message ?? '' }));
}
