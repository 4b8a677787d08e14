import { z } from 'zod';

export const DingTalkLoginSchema = z.object({
  code: z.string({ message: '需要钉钉免登授权码（requestAuthCode 的 code）' }).min(1, '不能为空').max(200, '太长'),
  corpId: z.string({ message: '需要 corpId' }).min(1, '不能为空').max(64, '太长'),
});

export const SandboxCodeSchema = z.object({
  userid: z.string({ message: '需要员工的钉钉账号' }).min(1, '不能为空').max(64, '太长'),
  corpId: z.string().max(64).optional(),
});
