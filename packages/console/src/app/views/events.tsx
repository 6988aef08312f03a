import { useMemo, useState } from 'preact/hooks';
import { query, sandboxPath, sim } from '../api/client.js';
import type { Delivery, FaultRule, FeedEvent, Page, Problem, Webhook } from '../api/types.js';
import { Instant } from '../components/instant.js';
import { useNotice } from '../components/notice.js';
import { ProblemNote } from '../components/problem-note.js';
import { TableScroll } from '../components/table-scroll.js';
import { nameOf, useT } from '../i18n/locale.js';
import { readNewestDeliveries } from '../lib/delivery-pages.js';
import { followFeed, type FeedPage } from '../lib/feed-tail.js';
import { href } from '../lib/route.js';
import { stateName } from '../lib/state-names.js';
import { useFocusAfterMore } from '../lib/use-focus-after-more.js';
import { POLL_MS, problemOf, useResource, useRevision } from '../lib/use-resource.js';

/** Events read per request (the first visit reads one page, from the newest end), and the most the view holds (the oldest leave it as new ones arrive) unless more were loaded. */
const PAGE = 200;
const KEEP = 1000;

/** The live event feed (polled), the webhook deliveries with their attempts, and the fault rules. */
export function EventsView({ sandboxId }: { sandboxId: string }) {
  const { t } = useT();
  return (
    <>
      <h1>{t('nav.events')}</h1>
      <Feed sandboxId={sandboxId} />
      <Deliveries sandboxId={sandboxId} />
      <Faults sandboxId={sandboxId} />
    </>
  );
}

function Feed({ sandboxId }: { sandboxId: string }) {
  const { t, role, platform, objectType } = useT();
  const follower = useMemo(() => followFeed((cursor) => sim<FeedPage>('GET', sandboxPath(sandboxId, `/events${query({ order: 'desc', limit: PAGE, cursor })}`)), KEEP), [sandboxId]);
  const feed = useResource(follower.poll, `feed:${sandboxId}`, POLL_MS);
  const [older, setOlder] = useState<{ busy: boolean; problem?: Problem }>({ busy: false });
  const loadOlder = async () => {
    if (older.busy) return;
    focus.loadingMore();
    setOlder({ busy: true });
    try {
      await follower.loadOlder();
      setOlder({ busy: false });
      feed.reload();
    } catch (error) {
      setOlder({ busy: false, problem: problemOf(error) });
    }
  };
  const newest = feed.data?.newest ?? [];
  // The last page of older events takes the button away, and the keyboard's focus with it.
  const focus = useFocusAfterMore<HTMLTableSectionElement>(newest.length);
  return (
    <section aria-labelledby="feed-title">
      <h2 id="feed-title">{t('events.title')}</h2>
      <ProblemNote problem={feed.problem} />
      {feed.data && newest.length === 0 && <p>{t('events.empty')}</p>}
      {feed.data && feed.data.older > 0 && <p class="hint">{t('events.older', { n: feed.data.older, shown: newest.length })}</p>}
      {feed.data?.trimmed && <p class="hint">{t('events.trimmed', { n: KEEP })}</p>}
      {newest.length > 0 && (
        <div class="scroll tall" tabIndex={0} role="group" aria-label={t('events.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('events.seq')}</th>
                <th scope="col">{t('sandboxes.clock')}</th>
                <th scope="col">{t('events.object')}</th>
                <th scope="col">{t('events.type')}</th>
                <th scope="col">{t('events.transition')}</th>
                <th scope="col">{t('events.actor')}</th>
              </tr>
            </thead>
            <tbody ref={focus.list}>
              {newest.map((e) => (
                <tr key={e.seq}>
                  <td>{e.seq}</td>
                  <td>
                    <Instant at={e.event.at} />
                  </td>
                  <td>
                    <a href={href('s', sandboxId, 'objects', e.platform, e.objectType, e.objectId)}>{`${platform(e.platform)}/${objectType(e.objectType)}/${e.objectId}`}</a>
                  </td>
                  <td>
                    <EventType type={e.event.type} />
                  </td>
                  <td>
                    <Transition event={e} />
                  </td>
                  <td>{role(e.event.actor.role)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {/* Asked for by the reader, so not retried by a poll: its note says so, apart from the feed's. */}
      <ProblemNote problem={older.problem} action />
      {feed.data?.canLoadOlder && (
        // aria-disabled, not disabled: a disabled button drops the keyboard's focus to the page's start.
        <button type="button" onClick={loadOlder} aria-disabled={older.busy}>
          {t('events.loadOlder')}
        </button>
      )}
    </section>
  );
}

/** An event's type by its name, with its id below when that differs (webhook subscriptions and vendors' code use the ids). */
function EventType({ type }: { type: string }) {
  const { eventType } = useT();
  const name = eventType(type);
  return (
    <>
      {name}
      {name !== type && (
        <div class="hint">
          <code>{type}</code>
        </div>
      )}
    </>
  );
}

/** A transition by the states' names, with their ids on a line below (vendors search for the ids). */
function Transition({ event }: { event: FeedEvent }) {
  const { pick } = useT();
  const { from, to } = event.event;
  const names = `${stateName(from, event.fromLabel, pick)} → ${stateName(to, event.toLabel, pick)}`;
  const ids = `${from ?? '∅'} → ${to ?? '∅'}`;
  return (
    <>
      {names}
      {names !== ids && (
        <div class="hint">
          <code>{ids}</code>
        </div>
      )}
    </>
  );
}

/** The newest deliveries (a page more per "load older"), all or only the failed ones, polled. */
function Deliveries({ sandboxId }: { sandboxId: string }) {
  const { t } = useT();
  const [pages, setPages] = useState(1);
  const [onlyFailed, setOnlyFailed] = useState(false);
  const data = useResource(
    () =>
      Promise.all([
        sim<Page<Webhook>>('GET', sandboxPath(sandboxId, '/webhooks?limit=100')),
        readNewestDeliveries((params) => sim<Page<Delivery> & { total: number }>('GET', sandboxPath(sandboxId, `/webhooks/deliveries${query(params)}`)), pages, onlyFailed ? 'failed' : undefined),
      ]),
    `deliveries:${sandboxId}:${pages}:${onlyFailed}`,
    POLL_MS,
  );
  const [hooks, deliveries] = data.data ?? [undefined, undefined];
  const focus = useFocusAfterMore<HTMLTableSectionElement>(deliveries?.items.length ?? 0);
  return (
    <section aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">{t('webhooks.title')}</h2>
      <ProblemNote problem={data.problem} />
      <label class="inline">
        <input
          type="checkbox"
          checked={onlyFailed}
          onChange={(event) => {
            setOnlyFailed(event.currentTarget.checked);
            setPages(1);
          }}
        />{' '}
        {t('webhooks.onlyFailed')}
      </label>
      {deliveries && deliveries.more && <p class="hint">{t('webhooks.newest', { shown: deliveries.items.length, n: deliveries.total })}</p>}
      {hooks && hooks.items.length > 0 && (
        <>
          <h3>{t('webhooks.subscriptions')}</h3>
          <ul class="subscriptions">
            {hooks.items.map((h) => (
              <li key={h.id}>
                <code>{h.id}</code> → {h.url} ({h.organizationId}; {h.eventTypes.length > 0 ? h.eventTypes.join(', ') : '*'})
                {/* A webhook a 410 Gone disabled receives nothing until enabled (`POST …/webhooks/{id}/enable`). */}
                {h.status === 'disabled' && <strong> — {t('webhooks.disabled', { at: h.disabledAt?.slice(11, 23) ?? '', delivery: h.disabledByDeliveryId ?? '' })}</strong>}
              </li>
            ))}
          </ul>
        </>
      )}
      {deliveries && deliveries.items.length === 0 && <p>{t('webhooks.empty')}</p>}
      {deliveries && deliveries.items.length > 0 && (
        <TableScroll label={t('webhooks.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('webhooks.delivery')}</th>
                <th scope="col">{t('events.type')}</th>
                <th scope="col">{t('objects.state')}</th>
                <th scope="col">{t('webhooks.attempts')}</th>
              </tr>
            </thead>
            <tbody ref={focus.list}>
              {deliveries.items.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <code>{d.id}</code>
                    <div class="hint">{d.webhookId}</div>
                  </th>
                  <td>
                    <EventType type={d.eventType} />
                  </td>
                  <td>
                    <span class={`badge delivery-${d.state}`}>{nameOf(t, 'webhooks.state', d.state)}</span>
                    {d.nextAttemptAt && <div class="hint">{t('webhooks.nextAttempt', { at: d.nextAttemptAt.slice(11, 23) })}</div>}
                  </td>
                  <td>
                    <ol class="attempts">
                      {d.attempts.map((a, i) => (
                        <li key={i}>
                          {a.at.slice(11, 23)} {a.status ?? a.error}
                        </li>
                      ))}
                    </ol>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {deliveries?.more && (
        <button
          type="button"
          onClick={() => {
            focus.loadingMore();
            setPages(pages + 1);
          }}
        >
          {t('webhooks.loadOlder')}
        </button>
      )}
    </section>
  );
}

const FAULT_KINDS: FaultRule['kind'][] = ['latency', 'rate_limit', 'server_error', 'connection_reset'];
/** The most the contract takes of the kind's number: `latencyMs` up to a minute, `retryAfterSeconds` (RetryAfterSeconds) up to a day; the other kinds take none. */
const EXTRA_MAX: Record<FaultRule['kind'], number> = { latency: 60_000, rate_limit: 86_400, server_error: 86_400, connection_reset: 86_400 };

function Faults({ sandboxId }: { sandboxId: string }) {
  const { t } = useT();
  const { changed } = useRevision();
  const notice = useNotice();
  const faults = useResource(() => sim<{ rules: FaultRule[] }>('GET', sandboxPath(sandboxId, '/faults')), `faults:${sandboxId}`);
  const [problem, setProblem] = useState<Problem>();
  const [kind, setKind] = useState<FaultRule['kind']>('latency');
  const save = async (rules: FaultRule[]) => {
    setProblem(undefined);
    try {
      await sim('PUT', sandboxPath(sandboxId, '/faults'), { rules });
      notice(`${t('faults.title')}: ${rules.length}`);
      changed();
    } catch (error) {
      setProblem(problemOf(error));
    }
  };
  const rules = faults.data?.rules ?? [];
  const add = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const rule: FaultRule = { operation: String(form.get('operation') ?? '').trim(), probability: Number(form.get('probability')), kind };
    const extra = Number(form.get('extra'));
    if (kind === 'latency') rule.latencyMs = extra;
    if (kind === 'rate_limit') rule.retryAfterSeconds = extra;
    void save([...rules, rule]);
  };
  return (
    <section aria-labelledby="faults-title">
      <h2 id="faults-title">{t('faults.title')}</h2>
      <ProblemNote problem={faults.problem ?? problem} action={!faults.problem} />
      {faults.data && rules.length === 0 && <p>{t('faults.empty')}</p>}
      {rules.length > 0 && (
        <ul>
          {rules.map((r, i) => (
            <li key={i}>
              <code>{r.operation}</code> {nameOf(t, 'faults.kind', r.kind)} p={r.probability}
              {r.latencyMs !== undefined && ` ${r.latencyMs} ms`}
              {r.retryAfterSeconds !== undefined && ` Retry-After ${r.retryAfterSeconds}s`}{' '}
              <button type="button" onClick={() => save(rules.filter((_, j) => j !== i))}>
                {t('faults.remove')}
                <span class="visually-hidden"> {r.operation}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="card inline-form" onSubmit={add}>
        <label>
          {t('faults.operation')}
          <input name="operation" required maxLength={200} placeholder="submitApplication" />
        </label>
        <label>
          {t('faults.probability')}
          {/* Any chance in [0, 1], as the contract's FaultProbability: 0.33 as well as 0.5. */}
          <input name="probability" type="number" min="0" max="1" step="any" defaultValue="0.5" required />
        </label>
        <label>
          {t('faults.kind')}
          <select name="kind" value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as FaultRule['kind'])}>
            {FAULT_KINDS.map((k) => (
              <option key={k} value={k}>
                {nameOf(t, 'faults.kind', k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('faults.extra')}
          <input name="extra" type="number" min="0" max={EXTRA_MAX[kind]} step="1" defaultValue="300" />
        </label>
        <button type="submit">{t('faults.add')}</button>
      </form>
    </section>
  );
}
