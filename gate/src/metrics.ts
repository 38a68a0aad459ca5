/**
 * `GET /_gate/metrics` in Prometheus' text format (prom-client): requests by route and decision, the latency
 * the gate adds, denials by rule, findings by rule in every mode, and the age of the cluster state it judges by.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type Decision = 'allowed' | 'denied' | 'warned' | 'audited' | 'unjudged' | 'unavailable' | 'aborted' | 'proxied' | 'turned-away' | 'error';

export interface GateMetrics {
  registry: Registry;
  requests: Counter<'route' | 'decision'>;
  admissionSeconds: Histogram<'route'>;
  denials: Counter<'rule'>;
  findings: Counter<'rule' | 'severity' | 'mode'>;
}

export function createMetrics(stateAgeSeconds: () => number | undefined): GateMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'marathon_gate_' });
  const requests = new Counter({
    name: 'marathon_gate_requests_total',
    help: 'Requests through the gate by route (`POST /v2/apps`, …, `other` for pass-through) and decision.',
    labelNames: ['route', 'decision'] as const,
    registers: [registry],
  });
  const admissionSeconds = new Histogram({
    name: 'marathon_gate_admission_duration_seconds',
    help: 'Time the gate spends judging a write, from the end of its body to the decision (what it adds to Marathon).',
    labelNames: ['route'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const denials = new Counter({
    name: 'marathon_gate_denials_total',
    help: 'Error findings that made the gate refuse a write (--mode deny), by rule id.',
    labelNames: ['rule'] as const,
    registers: [registry],
  });
  const findings = new Counter({
    name: 'marathon_gate_findings_total',
    help: 'Findings on judged writes by rule, severity and mode (audit mode counts here without refusing).',
    labelNames: ['rule', 'severity', 'mode'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'marathon_gate_cluster_state_age_seconds',
    help: 'Age of the deployed root group the cross-app checks use; NaN before the first successful read.',
    registers: [registry],
    collect() {
      this.set(stateAgeSeconds() ?? Number.NaN);
    },
  });
  return { registry, requests, admissionSeconds, denials, findings };
}
