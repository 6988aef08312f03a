import { useEffect, useRef, useState } from 'preact/hooks';
import { sandboxPath, sim } from '../api/client.js';
import type { AllowedAction, Problem, Timeline } from '../api/types.js';
import { useT } from '../i18n/locale.js';
import { FormProblem } from '../lib/field-errors.js';
import { FormLabels } from '../lib/member-labels.js';
import { stateNames } from '../lib/state-names.js';
import { problemOf, useRevision } from '../lib/use-resource.js';
import { useNotice } from './notice.js';
import { ProblemNote } from './problem-note.js';
import { SchemaField } from './schema-field.js';

/**
 * The actions the object's state machine accepts now, as the server lists them, each with a form
 * for its fields; nothing else is offered, so the console never proposes a refused transition.
 */
export function ActionsPanel({ sandboxId, timeline }: { sandboxId: string; timeline: Timeline }) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  // Set when a form holding the keyboard's focus goes (its action done, or refused and the object
  // read again): the focus would fall to the page's start; it moves to this panel's heading instead.
  const focusLost = useRef(false);
  useEffect(() => {
    if (!focusLost.current) return;
    focusLost.current = false;
    heading.current?.focus();
  }, [timeline]);
  return (
    <section class="card" aria-labelledby="actions-title">
      <h2 id="actions-title" ref={heading} tabIndex={-1}>
        {t('actions.title')}
      </h2>
      <p class="hint">{t('actions.hint')}</p>
      {timeline.allowedActions.length === 0 ? (
        <p>{t('actions.none')}</p>
      ) : (
        timeline.allowedActions.map((action) => <ActionForm key={`${action.role}:${action.action}`} sandboxId={sandboxId} timeline={timeline} action={action} onFocusLost={() => (focusLost.current = true)} />)
      )}
    </section>
  );
}

/** The simulation API's path of the object's timeline. */
function timelinePath(sandboxId: string, { object }: Pick<Timeline, 'object'>): string {
  return sandboxPath(sandboxId, `/objects/${[object.platform, object.objectType, object.objectId].map(encodeURIComponent).join('/')}/timeline`);
}

function ActionForm({ sandboxId, timeline, action, onFocusLost }: { sandboxId: string; timeline: Timeline; action: AllowedAction; onFocusLost: () => void }) {
  const { t, pick, role } = useT();
  const form = useRef<HTMLFormElement>(null);
  // Runs while the form is still in the document, so it can tell whether the focus is in it.
  useEffect(() => () => void (form.current?.contains(document.activeElement) && onFocusLost()), []);
  const { changed } = useRevision();
  const notice = useNotice();
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  // Bumped after a success: the fields start again empty (a list field keeps its rows itself).
  const [generation, setGeneration] = useState(0);
  const { platform, objectType, objectId } = timeline.object;
  const label = pick(action.label) || action.action;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setProblem(undefined);
    setBusy(true);
    try {
      const fields = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
      const result = await sim<{ from: string | null; to: string | null }>('POST', sandboxPath(sandboxId, '/actions'), { platform, objectType, objectId, action: action.action, ...fields });
      // The state entered is named by the object as it is now: the timeline read before the action
      // has no step for it yet. Should the re-read fail, the ids stand in for the names.
      const after = await sim<Timeline>('GET', timelinePath(sandboxId, timeline)).catch(() => undefined);
      const name = stateNames([...timeline.steps, ...(after?.steps ?? [])], pick);
      notice(t('actions.done', { action: label, from: name(result.from), to: name(result.to) }));
      setValues({});
      setGeneration((n) => n + 1);
      changed();
    } catch (error) {
      const refused = problemOf(error);
      setProblem(refused);
      // 409: the object moved on since this view read it (another client, the clock), so the actions
      // offered are stale. Read them again, and say so where it outlives this form, which the
      // re-read removes when its action is no longer allowed.
      if (refused.status === 409) {
        notice(t('actions.refused', { action: label, reason: pick(refused.message) || refused.code }));
        changed();
      }
    } finally {
      setBusy(false);
    }
  };
  const id = `action-${action.role}-${action.action}`;
  const content = (
    <form ref={form} onSubmit={submit} aria-label={label} data-action={action.action}>
      <FormProblem.Provider value={problem}>
        <FormLabels.Provider value={Object.assign({}, ...action.fields.map((field) => field.memberLabels))}>
          {action.fields.map((field) => (
            <div key={`${field.name}:${generation}`}>
              <SchemaField id={`${id}-${field.name}`} pointer={`/${field.name}`} label={pick(field.description) || field.name} schema={field.schema} required={field.required} value={values[field.name]} onChange={(v) => setValues((old) => ({ ...old, [field.name]: v }))} />
            </div>
          ))}
        </FormLabels.Provider>
      </FormProblem.Provider>
      <ProblemNote problem={problem} action />
      {/* aria-disabled, not disabled: a disabled button drops the keyboard's focus to the page's start. */}
      <button type="submit" class="primary" aria-disabled={busy}>
        {label}
      </button>
      <span class="hint"> {t('actions.as', { role: role(action.role) })}</span>
    </form>
  );
  // An action without fields is one click; one with fields opens its form first.
  if (action.fields.length === 0) return <div class="action">{content}</div>;
  return (
    <details class="action">
      <summary>
        {label} <span class="hint">{t('actions.as', { role: role(action.role) })}</span>
      </summary>
      {content}
    </details>
  );
}
