import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, sandboxPath, sim } from '../api/client.js';
import { PROFILES, type Page, type ReviewerPolicy, type Sandbox } from '../api/types.js';
import { Instant } from '../components/instant.js';
import { useNotice } from '../components/notice.js';
import { ProblemNote } from '../components/problem-note.js';
import { TableScroll } from '../components/table-scroll.js';
import { nameOf, useT, type Translate } from '../i18n/locale.js';
import { localToInstant } from '../lib/dates.js';
import { href } from '../lib/route.js';
import { firstPages } from '../lib/pages.js';
import { useFocusAfterMore } from '../lib/use-focus-after-more.js';
import { POLL_MS, problemOf, useResource, useRevision } from '../lib/use-resource.js';
import type { Problem } from '../api/types.js';

/** Sandboxes: the list with reset, delete and export, a form to create one, and snapshot import. */
export function SandboxesView() {
  const { t } = useT();
  const [pages, setPages] = useState(1);
  // Every page: a server holds up to --max-sandboxes (1,000 by default), a page 100. Polled, as
  // tests create and delete sandboxes while the console is open.
  const sandboxes = useResource(() => firstPages((search) => sim<Page<Sandbox>>('GET', `/sandboxes${search}`), { limit: 100 }, pages), `sandboxes:${pages}`, POLL_MS);
  const focus = useFocusAfterMore<HTMLTableSectionElement>(sandboxes.data?.items.length ?? 0);
  return (
    <>
      <h1>{t('nav.sandboxes')}</h1>
      <ProblemNote problem={sandboxes.problem} />
      {sandboxes.data && <SandboxTable sandboxes={sandboxes.data.items} rows={focus.list} />}
      {sandboxes.data?.more && (
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
      <div class="columns">
        <CreateSandbox />
        <ImportSnapshot />
      </div>
    </>
  );
}

/** A sandbox's reviewer policy in a table cell: its mode in the reader's language, with its approval rate or how many working days late. */
export function policyText(policy: ReviewerPolicy, t: Translate): string {
  const name = nameOf(t, 'policyName', policy.mode);
  if (policy.mode === 'auto') return `${name}${policy.approvalRate !== undefined ? ` ${policy.approvalRate}` : ''}`;
  if (policy.mode === 'late') return `${name} +${policy.overdueByWorkingDays ?? 1}`;
  return name;
}

function SandboxTable({ sandboxes, rows }: { sandboxes: Sandbox[]; rows: Ref<HTMLTableSectionElement> }) {
  const { t } = useT();
  const { changed } = useRevision();
  const notice = useNotice();
  const [problem, setProblem] = useState<Problem>();
  const run = async (what: string, call: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await call();
      notice(t('sandboxes.done', { what }));
      changed();
    } catch (error) {
      setProblem(problemOf(error));
    }
  };
  const exportSnapshot = (id: string) =>
    run(`${t('sandboxes.export')} ${id}`, async () => {
      const snapshot = await sim<unknown>('GET', sandboxPath(id, '/snapshot'));
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([JSON.stringify(snapshot, null, 2)], { type: 'application/json' }));
      link.download = `${id}.snapshot.json`;
      link.click();
      URL.revokeObjectURL(link.href);
    });
  return (
    <>
      <ProblemNote problem={problem} action />
      <TableScroll label={t('nav.sandboxes')}>
        <table>
          <caption class="visually-hidden">{t('nav.sandboxes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sandboxes.id')}</th>
              <th scope="col">{t('sandboxes.profile')}</th>
              <th scope="col">{t('sandboxes.clock')}</th>
              <th scope="col">{t('sandboxes.policy')}</th>
              <th scope="col">{t('sandboxes.actions')}</th>
            </tr>
          </thead>
          <tbody ref={rows}>
            {sandboxes.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <a href={href('s', s.id)}>{s.id}</a>
                </th>
                <td>{s.profile.name}</td>
                <td>
                  <Instant at={s.clock.now} /> ({nameOf(t, 'clock.mode', s.clock.mode)})
                </td>
                <td>{policyText(s.reviewerPolicy, t)}</td>
                <td class="row-actions">
                  <button type="button" onClick={() => confirm(t('sandboxes.confirmReset', { id: s.id })) && run(`${t('sandboxes.reset')} ${s.id}`, () => sim('POST', sandboxPath(s.id, '/reset')))}>
                    {t('sandboxes.reset')}
                    <span class="visually-hidden"> {s.id}</span>
                  </button>
                  <button type="button" onClick={() => exportSnapshot(s.id)}>
                    {t('sandboxes.export')}
                    <span class="visually-hidden"> {s.id}</span>
                  </button>
                  <button type="button" class="danger" onClick={() => confirm(t('sandboxes.confirmDelete', { id: s.id })) && run(`${t('sandboxes.delete')} ${s.id}`, () => sim('DELETE', sandboxPath(s.id)))}>
                    {t('sandboxes.delete')}
                    <span class="visually-hidden"> {s.id}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function CreateSandbox() {
  const { t } = useT();
  const { changed } = useRevision();
  const [problem, setProblem] = useState<Problem>();
  const [mode, setMode] = useState<ReviewerPolicy['mode']>('manual');
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const policy: Record<string, unknown> = { mode };
    if (mode !== 'manual' && text('approvalRate')) policy.approvalRate = Number(text('approvalRate'));
    if (mode === 'late' && text('overdueBy')) policy.overdueByWorkingDays = Number(text('overdueBy'));
    const body: Record<string, unknown> = { profile: text('profile'), reviewerPolicy: policy, clock: { mode: 'virtual' } };
    if (text('id')) body.id = text('id');
    if (text('startAt')) body.startAt = localToInstant(text('startAt'));
    if (text('seed')) body.seed = Number(text('seed'));
    setProblem(undefined);
    try {
      const sandbox = await sim<Sandbox>('POST', '/sandboxes', body);
      changed();
      location.hash = href('s', sandbox.id);
    } catch (error) {
      setProblem(problemOf(error));
    }
  };
  return (
    <form class="card" onSubmit={submit} aria-labelledby="create-title">
      <h2 id="create-title">{t('create.title')}</h2>
      <label>
        {t('sandboxes.profile')}
        <select name="profile">
          {PROFILES.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('create.startAt')}
        <input name="startAt" type="datetime-local" step="60" />
      </label>
      <label>
        {t('sandboxes.policy')}
        <select name="policy" value={mode} onChange={(e) => setMode((e.currentTarget as HTMLSelectElement).value as ReviewerPolicy['mode'])}>
          <option value="manual">{t('policy.manual')}</option>
          <option value="auto">{t('policy.auto')}</option>
          <option value="late">{t('policy.late')}</option>
        </select>
      </label>
      {mode !== 'manual' && (
        <label>
          {t('create.approvalRate')}
          <input name="approvalRate" type="number" min="0" max="1" step="any" />
        </label>
      )}
      {mode === 'late' && (
        <label>
          {t('create.overdueBy')}
          <input name="overdueBy" type="number" min="1" max="2000" step="1" />
        </label>
      )}
      <label>
        {t('create.seed')}
        <input name="seed" type="number" min="0" max={Number.MAX_SAFE_INTEGER} step="1" />
      </label>
      <label>
        {t('create.id')}
        <input name="id" pattern="[A-Za-z0-9_\-]{1,64}" maxLength={64} />
      </label>
      <ProblemNote problem={problem} action />
      <button type="submit" class="primary">
        {t('create.submit')}
      </button>
    </form>
  );
}

/**
 * The file's JSON, or a problem saying in the reader's language that the file is not JSON (the
 * parser's own words, "Unexpected token …", name neither the file nor what was expected).
 */
function parseSnapshot(text: string, name: string, t: ReturnType<typeof useT>['t']): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError({ status: 0, code: 'SNAPSHOT_NOT_JSON', detail: `${t('sandboxes.notJson', { name })} (${String(error)})` });
  }
}

function ImportSnapshot() {
  const { t } = useT();
  const { changed } = useRevision();
  const [problem, setProblem] = useState<Problem>();
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const file = form.get('file');
    const id = String(form.get('id') ?? '').trim();
    setProblem(undefined);
    try {
      if (!(file instanceof File) || file.size === 0) throw new Error(t('sandboxes.importFile'));
      const snapshot = parseSnapshot(await file.text(), file.name, t);
      const sandbox = await sim<Sandbox>('POST', '/sandboxes/import', id ? { id, snapshot } : { snapshot });
      changed();
      location.hash = href('s', sandbox.id);
    } catch (error) {
      setProblem(problemOf(error));
    }
  };
  return (
    <form class="card" onSubmit={submit} aria-labelledby="import-title">
      <h2 id="import-title">{t('sandboxes.import')}</h2>
      <label>
        {t('sandboxes.importFile')}
        <input name="file" type="file" accept="application/json,.json" required />
      </label>
      <label>
        {t('sandboxes.importId')}
        <input name="id" pattern="[A-Za-z0-9_\-]{1,64}" maxLength={64} />
      </label>
      <ProblemNote problem={problem} action />
      <button type="submit">{t('sandboxes.import')}</button>
    </form>
  );
}
