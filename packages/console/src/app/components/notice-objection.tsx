import { useState } from 'preact/hooks';
import { sandboxPath, sim } from '../api/client.js';
import type { Page, Problem, Sandbox } from '../api/types.js';
import { useT } from '../i18n/locale.js';
import { href } from '../lib/route.js';
import { problemOf, useResource, useRevision } from '../lib/use-resource.js';
import { useNotice } from './notice.js';
import { ProblemNote } from './problem-note.js';

interface PublicNotice {
  id: string;
  status: string;
  dataName: string;
  endsOn: string;
}

/** The running public notices of the sandbox's registration platform (a public, unsigned read), by its same-origin path. */
async function runningNotices(sandboxId: string): Promise<PublicNotice[]> {
  const sandbox = await sim<Sandbox>('GET', sandboxPath(sandboxId));
  const base = new URL(sandbox.platforms.registration, location.href).pathname;
  const response = await fetch(`${base}/public-notices?status=running&limit=100`, { headers: { accept: 'application/json' } });
  if (!response.ok) return [];
  return ((await response.json()) as Page<PublicNotice>).items;
}

/** `sha256:<hex>` of a file, computed in the page (Web Crypto needs a secure context: loopback or HTTPS). */
async function digestOf(file: File): Promise<string> {
  if (!crypto.subtle) throw new Error('Web Crypto is unavailable on this origin (use http://127.0.0.1 or HTTPS)');
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
  return `sha256:${Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Acting as a third party: a real-name objection to a running public notice, filed through the
 * simulation API (`POST …/objections`, `kind: notice`) by someone who is no seeded organisation.
 * Shown only while a notice runs; the platform refuses one after the notice (OBJECTION_WINDOW_CLOSED).
 */
export function NoticeObjection({ sandboxId }: { sandboxId: string }) {
  const { t } = useT();
  const { changed } = useRevision();
  const notice = useNotice();
  const notices = useResource(() => runningNotices(sandboxId), `notices:${sandboxId}`);
  const [problem, setProblem] = useState<Problem>();
  if (!notices.data || notices.data.length === 0) return null;
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setProblem(undefined);
    try {
      const file = form.get('evidence');
      if (!(file instanceof File) || file.size === 0) throw new Error(t('objection.evidence'));
      const evidence = [{ name: file.name, mediaType: file.type || 'application/octet-stream', digest: await digestOf(file), size: file.size }];
      const body = { kind: 'notice', noticeId: text('noticeId'), objector: { kind: 'person', residentId: text('residentId'), name: text('name') }, text: text('text'), evidence };
      const filed = await sim<{ platform: string; objectType: string; objectId: string }>('POST', sandboxPath(sandboxId, '/objections'), body);
      notice(t('objection.filed', { id: filed.objectId }));
      changed();
      location.hash = href('s', sandboxId, 'objects', filed.platform, filed.objectType, filed.objectId);
    } catch (error) {
      setProblem(problemOf(error));
    }
  };
  return (
    <form class="card" onSubmit={submit} aria-labelledby="objection-title">
      <h2 id="objection-title">{t('objection.title')}</h2>
      <p class="hint">{t('objection.hint')}</p>
      <label>
        {t('objection.notice')}
        <select name="noticeId" required>
          {notices.data.map((n) => (
            <option key={n.id} value={n.id}>
              {n.dataName} ({n.id}, → {n.endsOn})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('objection.name')}
        <input name="name" required maxLength={200} />
      </label>
      <label>
        {t('objection.residentId')}
        <input name="residentId" required pattern="[0-9]{17}[0-9Xx]" maxLength={18} />
      </label>
      <label>
        {t('objection.text')}
        <textarea name="text" required maxLength={4000} rows={3} />
      </label>
      <label>
        {t('objection.evidence')}
        <input name="evidence" type="file" required />
      </label>
      <ProblemNote problem={problem} action />
      <button type="submit" class="primary">
        {t('objection.submit')}
      </button>
    </form>
  );
}
