import { zh } from '@liucai/shared';
import type { ZodType, core } from 'zod';
import { validationError } from '../errors';

const TYPE_NAMES: Record<string, string> = {
  object: '对象',
  array: '数组',
  string: '文字',
  number: '数字',
  nan: '非数字 (NaN)',
  bigint: '整数',
  boolean: '布尔值 (true 或 false)',
  null: '空值 (null)',
  undefined: '未填写',
  date: '日期',
};

function typeOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  return typeof input;
}

const typeName = (t: string) => TYPE_NAMES[t] ?? t;

/**
 * zod's built-in messages are English ("expected object, received array"). Schemas give their own Chinese messages
 * where they can; this covers every issue they leave to zod, so nothing English reaches a person.
 */
export function chineseIssue(issue: core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? zh`必填，应为${typeName(issue.expected)}`
        : zh`应为${typeName(issue.expected)}，收到的是${typeName(typeOf(issue.input))}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `至少 ${String(issue.minimum)} 个字`
        : issue.origin === 'array' || issue.origin === 'set'
          ? `至少 ${String(issue.minimum)} 项`
          : zh`应${issue.inclusive ? '不小于' : '大于'} ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `最多 ${String(issue.maximum)} 个字`
        : issue.origin === 'array' || issue.origin === 'set'
          ? `最多 ${String(issue.maximum)} 项`
          : zh`应${issue.inclusive ? '不大于' : '小于'} ${String(issue.maximum)}`;
    case 'invalid_value':
      return `应为 ${issue.values.map((v) => String(v)).join('、')} 之一`;
    case 'invalid_format':
      return '格式不对';
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    default:
      return '格式不对';
  }
}

/**
 * Parse input with a zod schema; on failure a 400 that names each field and what was expected, in Chinese. `labels`
 * gives the Chinese name of each field for the message ("模式应为…"); schema messages say only what was expected, never
 * the field again, so no message reads "mode mode 应为…".
 */
export function validate<T>(schema: ZodType<T>, input: unknown, labels: Readonly<Record<string, string>> = {}): T {
  const parsed = schema.safeParse(input, { error: chineseIssue });
  if (parsed.success) return parsed.data;
  throw validationError(
    parsed.error.issues.map((i) => {
      const field = i.path.join('.') || '(body)';
      return { field, label: labels[field] ?? field, message: i.message };
    }),
  );
}
