import { Fragment } from 'preact';
import { sim } from '../api/client.js';
import type { Health } from '../api/types.js';
import { ProblemNote } from '../components/problem-note.js';
import { nameOf, useT, type Translate } from '../i18n/locale.js';
import { POLL_MS, useResource } from '../lib/use-resource.js';

const MIB = 1024 * 1024;

/** Seconds as `h:mm:ss`: the same in both languages, and it ticks at each poll, so a live page shows it is live. */
function uptimeText(seconds: number): string {
  const s = Math.floor(seconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

/**
 * The facts of a health answer, label and value, in the locale. The optional parts are left out
 * when the answer has none: `connections` in process, `memory` without the guard, a location
 * behind a sim token.
 */
export function healthFacts(health: Health, t: Translate): [string, string][] {
  const { storage } = health;
  const yesNo = (value: boolean) => t(value ? 'app.yes' : 'app.no');
  const refused = storage.replayRefused;
  const facts: [string, string][] = [
    [t('health.version'), health.version],
    [t('health.uptime'), uptimeText(health.uptimeSeconds)],
    [t('health.storage'), [nameOf(t, 'health.storage', storage.kind), storage.location].filter(Boolean).join(' ')],
    [t('health.writable'), yesNo(storage.writable)],
    [t('health.compacting'), yesNo(storage.compacting)],
    [t('health.entriesSinceSnapshot'), String(storage.entriesSinceSnapshot)],
    [t('health.sandboxes'), `${health.sandboxes} (${storage.restoring} / ${storage.unrestorable})`],
    [t('health.replayRefused'), [`${refused.count} / ${refused.notKept}`, refused.location].filter(Boolean).join(' ')],
  ];
  if (health.connections) facts.push([t('health.connections'), `${health.connections.open} / ${health.connections.max}`]);
  if (health.memory) {
    const { usedBytes, limitBytes, maxHeapRatio } = health.memory;
    const share = Math.round((usedBytes / limitBytes) * 100);
    facts.push([t('health.heap'), t('health.heapValue', { used: Math.round(usedBytes / MIB), limit: Math.round(limitBytes / MIB), share, guard: Math.round(maxHeapRatio * 100) })]);
  }
  return facts;
}

/** Why the mock is degraded, explained in the locale; '' for a code added to the contract after this console (its code is shown alone). */
export function reasonText(code: string, t: Translate): string {
  const text = nameOf(t, 'health.reason', code);
  return text === code ? '' : text;
}

/** The mock's own health (`GET /_sim/v1/health`): ok or degraded, why, and the figures behind it, polled. */
export function HealthView() {
  const { t } = useT();
  const health = useResource(() => sim<Health>('GET', '/health'), 'health', POLL_MS);
  const data = health.data;
  return (
    <>
      <h1>{t('health.title')}</h1>
      <p class="hint">{t('health.polled', { s: POLL_MS / 1000 })}</p>
      <ProblemNote problem={health.problem} />
      {data && (
        <>
          <p>
            {t('health.status')}
            {t('app.colon')}
            <span class={`badge status-${data.status}`} data-testid="health-status">
              {nameOf(t, 'health.status', data.status)}
            </span>
          </p>
          {data.reasons.length > 0 && (
            <section class="problem" aria-labelledby="reasons-title">
              <h2 id="reasons-title">{t('health.reasons')}</h2>
              <ul>
                {data.reasons.map((code) => (
                  <li key={code} data-reason={code}>
                    <code>{code}</code> {reasonText(code, t)}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <dl class="facts health">
            {healthFacts(data, t).map(([label, value]) => (
              <Fragment key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </Fragment>
            ))}
          </dl>
        </>
      )}
    </>
  );
}
