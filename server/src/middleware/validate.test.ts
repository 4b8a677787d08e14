import { z } from 'zod';
import { AppError } from '../errors';
import { ImportModeSchema } from '../modules/imports/routes/schema';
import { validate } from './validate';

const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.message;
  }
  throw new Error('expected a validation error');
};

describe('validate', () => {
  it('names the field once, then what was expected, in Chinese punctuation', () => {
    expect(messageOf(() => validate(ImportModeSchema, { mode: 'bogus' }))).toBe('输入有误：mode 应为 dry-run（预检，不写入）或 commit（导入）');
  });

  it('does not repeat a field a message already starts with, and joins several problems with “；”', () => {
    const schema = z.object({ a: z.string({ message: 'a 必填' }), b: z.number({ message: '应为数字' }) });
    expect(messageOf(() => validate(schema, {}))).toBe('输入有误：a 必填；b 应为数字');
  });
});
