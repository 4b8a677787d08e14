import { z } from 'zod';

export const HrScopeUpdateSchema = z.object({
  departmentIds: z
    .array(z.number({ message: '部门 id 必须是数字' }).int().positive(), { message: '需要部门 id 列表' })
    .min(1, '至少选择一个部门（要取消 HR 角色请删除）')
    .max(500, '最多 500 个部门'),
});

export const UserSearchSchema = z.object({ q: z.string().trim().max(50, '太长').default('') });
