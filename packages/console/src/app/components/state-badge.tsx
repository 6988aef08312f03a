import { useT } from '../i18n/locale.js';

/** A state name, with "overdue" spelled out (never colour alone). */
export function StateBadge({ state, overdue = false }: { state: string; overdue?: boolean }) {
  const { t } = useT();
  return (
    <span class={`badge state-${state}`}>
      {state}
      {overdue && <span class="badge overdue"> {t('objects.overdue')}</span>}
    </span>
  );
}
