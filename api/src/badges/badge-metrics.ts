import { Inject, Injectable } from '@nestjs/common';
import {
  BADGE_METRIC_SOURCES,
  type BadgeMetricSource,
  type MetricCount,
  type MetricQuery,
} from './badge-metric-source';

/** The metric sources the features registered, by metric. */
@Injectable()
export class BadgeMetrics {
  private readonly byMetric = new Map<string, BadgeMetricSource>();

  constructor(@Inject(BADGE_METRIC_SOURCES) sources: BadgeMetricSource[]) {
    for (const source of sources) {
      for (const metric of source.metrics) {
        if (this.byMetric.has(metric)) {
          throw new Error(`two badge metric sources answer ${metric}`);
        }
        this.byMetric.set(metric, source);
      }
    }
  }

  /** The metrics some feature answers (a rule may use only these). */
  get answered(): string[] {
    return [...this.byMetric.keys()];
  }

  answers(metric: string): boolean {
    return this.byMetric.has(metric);
  }

  counts(query: MetricQuery): Promise<MetricCount[]> {
    const source = this.byMetric.get(query.metric);
    if (!source) {
      throw new Error(`no badge metric source answers ${query.metric}`);
    }
    return source.counts(query);
  }
}
