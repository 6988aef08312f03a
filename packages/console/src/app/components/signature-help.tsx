import type { SignatureHelp } from '../api/types.js';
import { useT } from '../i18n/locale.js';

/**
 * What the mock computed for a request whose signature did not match (issue 9, section B). Shown
 * in a journal entry, right under the page's h1: its headings are h2 and h3, as a level skipped
 * leaves a screen reader's outline with a hole.
 */
export function SignatureHelpView({ help }: { help: SignatureHelp }) {
  const { t } = useT();
  return (
    <section class="signature-help" aria-label={t('signature.title')}>
      <h2>{t('signature.title')}</h2>
      <p class="hint">{t('signature.hint')}</p>
      <dl class="facts">
        <dt>{t('signature.algorithm')}</dt>
        <dd>
          <code>{help.algorithm}</code>
        </dd>
        <dt>{t('signature.signedHeaders')}</dt>
        <dd>
          <code>{help.signedHeaders.join(';')}</code>
        </dd>
      </dl>
      <h3>{t('signature.canonicalRequest')}</h3>
      <pre tabIndex={0}>{help.canonicalRequest}</pre>
      <h3>{t('signature.stringToSign')}</h3>
      <pre tabIndex={0}>{help.stringToSign}</pre>
    </section>
  );
}
