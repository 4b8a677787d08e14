import type { ZodType } from 'zod';
import { validationError } from '../errors';

/**
 * Parse input with a zod schema; on failure a 400 that names each field and what was expected. `labels` gives the
 * Chinese name of each field for the message ("模式应为…"); schema messages say only what was expected, never the
 * field again, so no message reads "mode mode 应为…".
 */
export function validate<T>(schema: ZodType<T>, input: unknown, labels: Readonly<Record<string, string>> = {}): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw validationError(
    parsed.error.issues.map((i) => {
      const field = i.path.join('.') || '(body)';
      return { field, label: labels[field] ?? field, message: i.message };
    }),
  );
}
