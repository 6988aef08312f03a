import { useT } from '../i18n/locale.js';

/** A state's name (its label when known, else its id), with "overdue" spelled out (never colour alone). */
export function StateBadge({ state, label, overdue = false }: { state: string; label?: string; overdue?: boolean }) {
  const { t } = useT();
  return (
    <span class={`badge state-${state}`}>
      {label ?? state}
      {overdue && <span class="badge overdue"> {t('objects.overdue')}</span>}
    </span>
  );
}
