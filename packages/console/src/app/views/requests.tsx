import { useState } from 'preact/hooks';
import { routeMissing, sandboxPath, sim } from '../api/client.js';
import type { JournalEntry, JournalPage, Problem } from '../api/types.js';
import { Instant } from '../components/instant.js';
import { useNotice } from '../components/notice.js';
import { ProblemNote } from '../components/problem-note.js';
import { useT } from '../i18n/locale.js';
import { firstPages } from '../lib/pages.js';
import { useFocusAfterMore } from '../lib/use-focus-after-more.js';
import { POLL_MS, problemOf, useResource, useRevision } from '../lib/use-resource.js';

interface Filter {
  requestId?: string;
  operation?: string;
  status?: string;
  organizationId?: string;
}

/** The sandbox's request journal (issue 9, section A), newest first, filtered as the API allows; a bad signature shows what the server computed. */
export function RequestsView({ sandboxId }: { sandboxId: string }) {
  const { t } = useT();
  const { changed } = useRevision();
  const notice = useNotice();
  const [filter, setFilter] = useState<Filter>({});
  const [problem, setProblem] = useState<Problem>();
  const [pages, setPages] = useState(1);
  // The simulation API's writes (the console's own actions, a test's set-up) are journaled; hidden unless asked for. Its reads are not journaled.
  const [showSim, setShowSim] = useState(false);
  const journal = useResource(
    () => firstPages((search) => sim<JournalPage>('GET', sandboxPath(sandboxId, `/requests${search}`)), { ...filter, limit: 100 }, pages),
    `requests:${sandboxId}:${JSON.stringify(filter)}:${pages}`,
    POLL_MS,
  );
  const apply = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    setFilter({ requestId: text('requestId'), operation: text('operation'), status: text('status'), organizationId: text('organizationId') });
    setPages(1);
  };
  const clear = async () => {
    setProblem(undefined);
    try {
      await sim('DELETE', sandboxPath(sandboxId, '/requests'));
      notice(t('requests.clear'));
      changed();
    } catch (error) {
      setProblem(problemOf(error));
    }
  };
  const missing = routeMissing(journal.problem);
  const entries = journal.data?.items.filter((entry) => showSim || entry.platform !== 'sim') ?? [];
  const focus = useFocusAfterMore<HTMLOListElement>(entries.length);
  return (
    <>
      <h1>{t('nav.requests')}</h1>
      <form class="card inline-form" onSubmit={apply} aria-label={t('requests.filter')}>
        <label>
          {t('requests.requestId')}
          <input name="requestId" maxLength={128} />
        </label>
        <label>
          {t('requests.operation')}
          <input name="operation" maxLength={128} placeholder="submitApplication" />
        </label>
        <label>
          {t('requests.status')}
          <input name="status" maxLength={3} pattern="[1-5]([0-9]{2}|xx)" />
        </label>
        <label>
          {t('requests.organization')}
          <input name="organizationId" maxLength={64} />
        </label>
        <label class="inline">
          <input type="checkbox" checked={showSim} onChange={(e) => setShowSim((e.currentTarget as HTMLInputElement).checked)} />
          {t('requests.showSim')}
        </label>
        <button type="submit">{t('requests.apply')}</button>
        <button type="button" class="danger" onClick={clear}>
          {t('requests.clear')}
        </button>
      </form>
      <ProblemNote problem={problem} action />
      {missing ? <p>{t('requests.unavailable')}</p> : <ProblemNote problem={journal.problem} />}
      {journal.data && journal.data.first.dropped > 0 && <p class="hint">{t('requests.dropped', { n: journal.data.first.dropped })}</p>}
      {journal.data && entries.length === 0 && <p>{t('requests.empty')}</p>}
      {entries.length > 0 && (
        <ol class="journal" ref={focus.list}>
          {entries.map((entry) => (
            <JournalRow key={entry.seq} entry={entry} />
          ))}
        </ol>
      )}
      {journal.data?.more && (
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
    </>
  );
}

function JournalRow({ entry }: { entry: JournalEntry }) {
  const { t } = useT();
  const failed = entry.status >= 400;
  return (
    <li class={failed ? 'failed' : undefined}>
      <details open={entry.problem?.code === 'SIGNATURE_INVALID'}>
        <summary>
          <span class={`badge status-${Math.floor(entry.status / 100)}xx`}>{entry.status}</span> <code>{entry.method}</code> <code>{entry.path}{entry.query ? `?${entry.query}` : ''}</code> {entry.operationId && <span class="hint">{entry.operationId}</span>} {entry.problem && <strong>{entry.problem.code}</strong>}
          <span class="hint">
            {' '}
            · <Instant at={entry.simulatedAt} /> · {entry.durationMs}&nbsp;ms · {entry.requestId}
          </span>
        </summary>
        <dl class="facts">
          <dt>{t('requests.received')}</dt>
          <dd>{entry.receivedAt}</dd>
          <dt>{t('sandboxes.clock')}</dt>
          <dd>{entry.simulatedAt}</dd>
          <dt>{t('requests.organization')}</dt>
          <dd>{entry.organizationId ?? '—'} {entry.appKey && <code>{entry.appKey}</code>}</dd>
        </dl>
        <ProblemNote problem={entry.problem ?? undefined} />
        {entry.requestBody !== null && entry.requestBody !== undefined && <Body title={t('requests.requestBody')} value={entry.requestBody} truncated={entry.requestBodyTruncated} />}
        {entry.responseBody !== null && entry.responseBody !== undefined && !entry.problem && <Body title={t('requests.responseBody')} value={entry.responseBody} truncated={entry.responseBodyTruncated} />}
      </details>
    </li>
  );
}

/** A request's or response's body, under an h2: the entries sit right under the page's h1. */
function Body({ title, value, truncated }: { title: string; value: unknown; truncated: boolean }) {
  const { t } = useT();
  return (
    <>
      <h2>
        {title} {truncated && t('requests.truncated')}
      </h2>
      <pre tabIndex={0}>{JSON.stringify(value, null, 2)}</pre>
    </>
  );
}
