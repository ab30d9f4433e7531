// Input validation for every resolver argument: unknown properties refused, first failure reported
// as BAD_USER_INPUT with the dotted path of the field at fault.
import { ArgumentMetadata, PipeTransform, ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorCode } from '@concord/shared';
import { badInput, DomainError } from './domain-error';
import { unstorableAt } from './unstorable';

function firstFailure(errors: ValidationError[], prefix = ''): { field: string; message: string } | null {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints && Object.keys(e.constraints).length > 0) {
      const msg = Object.values(e.constraints)[0];
      return { field, message: msg };
    }
    const nested = firstFailure(e.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/** Prefixes the field with the argument's name ("input.email"), which class-validator does not know. */
class ArgsValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    const bad = unstorableAt(value);
    if (bad !== null) {
      const field = [metadata.data, bad].filter(Boolean).join(bad.startsWith('[') ? '' : '.') || 'input';
      throw badInput(field, `${field}: must not contain NUL characters or unpaired surrogates`);
    }
    try {
      return await super.transform(value, metadata);
    } catch (e) {
      if (e instanceof DomainError && e.field && metadata.data) {
        const field = `${metadata.data}.${e.field}`;
        throw badInput(field, e.message.replace(`${e.field}:`, `${field}:`));
      }
      throw e;
    }
  }
}

const OPTIONS = {
  transform: true,
  whitelist: true,
  forbidNonWhitelisted: true,
  stopAtFirstError: true,
};

export function createValidationPipe(): ValidationPipe {
  return new ArgsValidationPipe({
    ...OPTIONS,
    exceptionFactory: (errors) => {
      const f = firstFailure(errors) ?? { field: 'input', message: 'is invalid' };
      return badInput(f.field, `${f.field}: ${f.message}`);
    },
  });
}

/**
 * For an argument that is a list of input objects (`castBallot(scores: [ScoreInput!]!)`): the global pipe
 * sees only "an array" and cannot validate its items, so such an argument names its item class here.
 * Each item is validated like an input object; the first failure names its index ("scores[2].rationale").
 */
export function listOf<T extends object>(name: string, items: new () => T): PipeTransform<unknown, Promise<T[]>> {
  const itemPipe = new ValidationPipe({
    ...OPTIONS,
    exceptionFactory: (errors) => {
      const f = firstFailure(errors) ?? { field: '', message: 'is invalid' };
      return new DomainError(ErrorCode.BAD_USER_INPUT, f.message, f.field);
    },
  });
  return {
    async transform(value: unknown): Promise<T[]> {
      if (!Array.isArray(value)) throw badInput(name, `${name}: must be a list`);
      const out: T[] = [];
      for (let i = 0; i < value.length; i++) {
        try {
          out.push(await itemPipe.transform(value[i], { type: 'body', metatype: items }));
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          const field = `${name}[${i}]${e.field ? `.${e.field}` : ''}`;
          throw badInput(field, `${field}: ${e.message}`);
        }
      }
      return out;
    },
  };
}
