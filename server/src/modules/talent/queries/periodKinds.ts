/**
 * The talent tables hold months (period yyyy-mm) and quarters (yyyyQn) in the same `period` column. Reads that mean
 * “the newest month” (the review, the impact preview, a portrait by default) or a range of months filter with these,
 * so a quarter never passes for a month (“2026Q3” sorts after “2026-12”).
 */
import { Like } from 'typeorm';
import type { PeriodKind } from '@liucai/shared';

/** SQL LIKE patterns of each kind's period text (`_` is any one character in MySQL and SQLite alike). */
export const PERIOD_LIKE: Record<PeriodKind, string> = { month: '____-__', quarter: '____Q_' };

/** A find() condition on `period` for one kind. */
export const periodOfKind = (kind: PeriodKind) => Like(PERIOD_LIKE[kind]);
