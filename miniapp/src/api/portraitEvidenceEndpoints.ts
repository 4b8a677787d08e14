/** Typed calls for a portrait metric's evidence: its source rows and HR's reference values. */
import type { MetricReferenceView, MetricSources } from '@liucai/shared';
import { apiGet, apiPut } from './client';

/** The rows a person's metric of a month came from (404 outside my scope). */
export const getMetricSources = (userid: string, metric: string, period: string): Promise<MetricSources> =>
  apiGet(`/api/v1/people/${encodeURIComponent(userid)}/portrait/metrics/${encodeURIComponent(metric)}/sources?period=${encodeURIComponent(period)}`);

export interface MetricReferenceCatalogue {
  metrics: { metric: string; label: string; unit: string; means: string; reference: MetricReferenceView | null }[];
  history: MetricReferenceView[];
}

/** Every metric with HR's reference in force, and every version (HR, admin). */
export const getMetricReferences = (): Promise<MetricReferenceCatalogue> => apiGet('/api/v1/talent/metric-references');

/** Set (or clear with null) a metric's reference: a new version, audited (HR, admin). */
export const putMetricReference = (metric: string, body: { value: string | null; note: string | null }): Promise<MetricReferenceView> =>
  apiPut(`/api/v1/talent/metric-references/${encodeURIComponent(metric)}`, body);
