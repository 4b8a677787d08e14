import type { PulseProblem } from '@liucai/shared';
import { AppError } from '../../../errors';

/** 400 whose message is the problems themselves (each already names its question: “第 1 题：…”). */
export const pulseProblems = (problems: readonly PulseProblem[]) => new AppError('validation_error', problems.map((p) => p.message).join('；'), 400, problems);
