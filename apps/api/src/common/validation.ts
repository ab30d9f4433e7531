// Input validation for every resolver argument: unknown properties refused, first failure reported
// as BAD_USER_INPUT with the dotted path of the field at fault.
import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { badInput, DomainError } from './domain-error';

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

export function createValidationPipe(): ValidationPipe {
  return new ArgsValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const f = firstFailure(errors) ?? { field: 'input', message: 'is invalid' };
      return badInput(f.field, `${f.field}: ${f.message}`);
    },
  });
}
