import type { ZodType } from 'zod';
import { validationError } from '../errors';

/** Parse input with a zod schema; on failure a 400 that names each field and what was expected. */
export function validate<T>(schema: ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw validationError(parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message })));
}
