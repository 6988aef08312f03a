import type { SignatureHelp } from '../api/types.js';
import { useT } from '../i18n/locale.js';

/** What the mock computed for a request whose signature did not match (issue 9, section B). */
export function SignatureHelpView({ help }: { help: SignatureHelp }) {
  const { t } = useT();
  return (
    <section class="signature-help" aria-label={t('signature.title')}>
      <h4>{t('signature.title')}</h4>
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
      <h5>{t('signature.canonicalRequest')}</h5>
      <pre tabIndex={0}>{help.canonicalRequest}</pre>
      <h5>{t('signature.stringToSign')}</h5>
      <pre tabIndex={0}>{help.stringToSign}</pre>
    </section>
  );
}
