import { useState } from 'preact/hooks';
import { sandboxPath, sim } from '../api/client.js';
import { PLATFORMS, type Page, type Platform, type WorkflowObject } from '../api/types.js';
import { DateOnly, Instant } from '../components/instant.js';
import { NoticeObjection } from '../components/notice-objection.js';
import { ProblemNote } from '../components/problem-note.js';
import { StateBadge } from '../components/state-badge.js';
import { StateId } from '../components/state-name.js';
import { TableScroll } from '../components/table-scroll.js';
import { dueDateOf } from '../components/timeline-chart.js';
import { useT } from '../i18n/locale.js';
import { href } from '../lib/route.js';
import { firstPages } from '../lib/pages.js';
import { stateName } from '../lib/state-names.js';
import { useFocusAfterMore } from '../lib/use-focus-after-more.js';
import { POLL_MS, useResource } from '../lib/use-resource.js';

/**
 * The most objects `GET …/objects` gives at once (the contract's `Limit`): a poll re-reads every
 * page loaded, in requests this large (17, not 34, for 3,400 objects).
 */
const OBJECTS_MAX_LIMIT = 200;

/** The workflow objects of the sandbox, per platform, with their state and next due date (polled). */
export function ObjectsView({ sandboxId, platform }: { sandboxId: string; platform: Platform | undefined }) {
  const { t, pick, platform: platformLabel, objectType: objectTypeLabel } = useT();
  const [overdue, setOverdue] = useState(false);
  const [pages, setPages] = useState(1);
  const objects = useResource(
    () => firstPages((search) => sim<Page<WorkflowObject>>('GET', sandboxPath(sandboxId, `/objects${search}`)), { platform, overdue: overdue ? 'true' : undefined, limit: 100 }, pages, OBJECTS_MAX_LIMIT),
    `objects:${sandboxId}:${platform ?? ''}:${overdue}:${pages}`,
    POLL_MS,
  );
  const focus = useFocusAfterMore<HTMLTableSectionElement>(objects.data?.items.length ?? 0);
  return (
    <>
      <h1>{t('objects.title')}</h1>
      <nav class="tabs" aria-label={t('objects.platform')}>
        <a href={href('s', sandboxId, 'objects')} aria-current={platform === undefined ? 'page' : undefined}>
          {t('objects.all')}
        </a>
        {PLATFORMS.map((p) => (
          <a key={p} href={href('s', sandboxId, 'objects', p)} aria-current={platform === p ? 'page' : undefined}>
            {platformLabel(p)}
          </a>
        ))}
      </nav>
      <label class="inline">
        <input type="checkbox" checked={overdue} onChange={(e) => setOverdue((e.currentTarget as HTMLInputElement).checked)} />
        {t('objects.onlyOverdue')}
      </label>
      <ProblemNote problem={objects.problem} />
      {objects.data &&
        (objects.data.items.length === 0 ? (
          <p>{t('objects.empty')}</p>
        ) : (
          <TableScroll label={t('objects.title')}>
            <table class="objects">
              <caption class="visually-hidden">{t('objects.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sandboxes.id')}</th>
                  <th scope="col">{t('objects.platform')}</th>
                  <th scope="col">{t('objects.type')}</th>
                  <th scope="col">{t('objects.state')}</th>
                  <th scope="col">{t('objects.nextDue')}</th>
                  <th scope="col">{t('objects.updated')}</th>
                </tr>
              </thead>
              <tbody ref={focus.list}>
                {objects.data.items.map((o) => (
                  <tr key={`${o.platform}/${o.objectType}/${o.objectId}`} class={o.overdue ? 'overdue-row' : undefined}>
                    <th scope="row">
                      <a href={href('s', sandboxId, 'objects', o.platform, o.objectType, o.objectId)}>{o.title ?? o.objectId}</a>
                      {o.title && <div class="hint">{o.objectId}</div>}
                    </th>
                    <td>
                      {platformLabel(o.platform)}
                      {platformLabel(o.platform) !== o.platform && <div class="hint">{o.platform}</div>}
                    </td>
                    <td>
                      {objectTypeLabel(o.objectType)}
                      {objectTypeLabel(o.objectType) !== o.objectType && <div class="hint">{o.objectType}</div>}
                    </td>
                    <td>
                      <StateBadge state={o.state} label={stateName(o.state, o.stateLabel, pick)} overdue={o.overdue} />
                      <StateId state={o.state} label={o.stateLabel} />
                    </td>
                    <td>{o.nextDueAt ? <DateOnly date={dueDateOf(o.nextDueAt)} /> : '—'}</td>
                    <td>
                      <Instant at={o.updatedAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ))}
      {objects.data?.more && (
        <button
          type="button"
          onClick={() => {
            focus.loadingMore();
            setPages((n) => n + 1);
          }}
        >
          {t('app.more')}
        </button>
      )}
      {(platform === undefined || platform === 'registration') && <NoticeObjection sandboxId={sandboxId} />}
    </>
  );
}
