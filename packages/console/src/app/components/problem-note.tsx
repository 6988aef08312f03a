import { NETWORK_ERROR } from '../api/client.js';
import type { Problem } from '../api/types.js';
import { useT } from '../i18n/locale.js';
import { errorText } from '../lib/field-errors.js';
import { detailPlacement } from '../lib/problem-detail.js';
import { SignatureHelpView } from './signature-help.js';

/**
 * A problem+json answer, in the reader's language, with the fields it points at. `action` marks
 * the failure of something the reader asked for (an action, a sandbox created…): when the mock did
 * not answer, that was not carried out and is not retried by a poll, so the note says so rather
 * than promising a refresh, which only a view's reads get.
 */
export function ProblemNote({ problem, action = false }: { problem: Problem | undefined; action?: boolean }) {
  const { t, pick, locale } = useT();
  if (!problem) return null;
  const placement = detailPlacement(problem, locale);
  return (
    <div class="problem" role="alert">
      <strong>
        {t('app.error')}: {problem.code} {problem.status > 0 ? `(${problem.status})` : ''}
      </strong>
      {problem.message && <p>{pick(problem.message)}</p>}
      {/* The browser's own words for a refused connection ("Failed to fetch") tell the reader nothing. */}
      {problem.code === NETWORK_ERROR ? (
        <p>{t(action ? 'app.offlineAction' : 'app.offline')}</p>
      ) : placement === 'inline' ? (
        <p>{problem.detail}</p>
      ) : (
        placement === 'aside' && (
          <details>
            <summary>{t('problem.detail')}</summary>
            <p lang="en">{problem.detail}</p>
          </details>
        )
      )}
      {problem.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((error, i) => (
            <li key={i}>
              <code>{error.pointer ?? ''}</code> {errorText(error, locale)}
            </li>
          ))}
        </ul>
      )}
      {problem.signatureHelp && <SignatureHelpView help={problem.signatureHelp} />}
    </div>
  );
}
