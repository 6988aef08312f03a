import { useContext, useState } from 'preact/hooks';
import type { JsonSchema } from '../api/types.js';
import { useT } from '../i18n/locale.js';
import { FormProblem, fieldErrorText } from '../lib/field-errors.js';
import { FormLabels, memberLabel } from '../lib/member-labels.js';

/**
 * A form control for a value of a JSON Schema: text, number, choice, yes/no, a list of records, a
 * record, or JSON. `pointer` is where its value goes in the body sent: what the form's refusal
 * (`FormProblem`) says of that pointer is shown with the field's name, in the reader's language.
 */
export function SchemaField({ id, pointer, label, schema, required, value, onChange }: { id: string; pointer: string; label: string; schema: JsonSchema; required: boolean; value: unknown; onChange: (value: unknown) => void }) {
  const { t, locale } = useT();
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  const error = fieldErrorText(useContext(FormProblem), pointer, locale);
  const labels = useContext(FormLabels);
  const title = (
    <>
      {label}
      {required && <span class="hint"> ({t('actions.required')})</span>}
      {error && <strong class="field-error"> {error}</strong>}
    </>
  );
  if (schema.enum) {
    return (
      <label>
        {title}
        <select id={id} required={required} value={String(value ?? '')} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value || undefined)}>
          <option value="">—</option>
          {schema.enum.map((option) => (
            <option key={String(option)} value={String(option)}>
              {memberLabel(labels, `${pointer}=${String(option)}`, locale, String(option))}
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (type === 'string') {
    const long = (schema.maxLength ?? 0) > 200;
    const props = { id, required, value: String(value ?? ''), maxLength: schema.maxLength, onInput: (e: Event) => onChange((e.currentTarget as HTMLInputElement).value || undefined) };
    return <label>{title}{long ? <textarea rows={3} {...props} /> : <input type={schema.format === 'date' ? 'date' : 'text'} {...props} />}</label>;
  }
  if (type === 'integer' || type === 'number') {
    return (
      <label>
        {title}
        <input id={id} type="number" required={required} min={schema.minimum} max={schema.maximum} step={type === 'integer' ? 1 : 'any'} value={value === undefined ? '' : String(value)} onInput={(e) => {
          const text = (e.currentTarget as HTMLInputElement).value;
          onChange(text === '' ? undefined : Number(text));
        }} />
      </label>
    );
  }
  if (type === 'boolean') {
    return (
      <label class="inline">
        <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
        {title}
      </label>
    );
  }
  if (type === 'array' && schema.items?.properties) return <RecordList id={id} pointer={pointer} title={title} schema={schema} required={required} value={Array.isArray(value) ? (value as Record<string, unknown>[]) : []} onChange={onChange} />;
  if (type === 'object' && schema.properties) {
    const record = (value ?? {}) as Record<string, unknown>;
    return (
      <fieldset>
        <legend>{title}</legend>
        {Object.entries(schema.properties).map(([name, sub]) => (
          <SchemaField key={name} id={`${id}-${name}`} pointer={`${pointer}/${name}`} label={memberLabel(labels, `${pointer}/${name}`, locale, name)} schema={sub} required={schema.required?.includes(name) ?? false} value={record[name]} onChange={(v) => onChange(compact({ ...record, [name]: v }))} />
        ))}
      </fieldset>
    );
  }
  return <JsonField id={id} title={title} required={required} onChange={onChange} />;
}

/** A record with its empty members left out, or `undefined` when nothing is left. */
function compact(record: Record<string, unknown>): Record<string, unknown> | undefined {
  const out = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== ''));
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Reasons, supplement items and other lists of small records: one row per record, added and removed by buttons. */
function RecordList({ id, pointer, title, schema, required, value, onChange }: { id: string; pointer: string; title: preact.ComponentChildren; schema: JsonSchema; required: boolean; value: Record<string, unknown>[]; onChange: (value: unknown) => void }) {
  const { t, locale } = useT();
  const labels = useContext(FormLabels);
  const item = schema.items!;
  // The rows are the form's own: an empty row stays until removed (the value leaves it out while
  // every row is empty, so "Add an item" under an empty first row adds a second one).
  const [rows, setRows] = useState<Record<string, unknown>[]>(() => (value.length > 0 ? value : [{}]));
  const set = (next: Record<string, unknown>[]) => {
    setRows(next);
    const kept = next.map((r) => compact(r) ?? {});
    onChange(kept.some((r) => Object.keys(r).length > 0) ? kept : undefined);
  };
  return (
    <fieldset>
      <legend>{title}</legend>
      {rows.map((row, i) => (
        <div class="record" key={i} role="group" aria-label={`${i + 1}`}>
          {Object.entries(item.properties!).map(([name, sub]) => (
            <SchemaField key={name} id={`${id}-${i}-${name}`} pointer={`${pointer}/${i}/${name}`} label={`${memberLabel(labels, `${pointer}/${name}`, locale, name)} ${i + 1}`} schema={sub} required={required && (item.required?.includes(name) ?? false)} value={row[name]} onChange={(v) => set(rows.map((r, j) => (j === i ? { ...r, [name]: v } : r)))} />
          ))}
          {rows.length > 1 && (
            <button type="button" onClick={() => set(rows.filter((_, j) => j !== i))}>
              {t('actions.removeItem')} {i + 1}
            </button>
          )}
        </div>
      ))}
      {rows.length < (schema.maxItems ?? 50) && (
        <button type="button" onClick={() => set([...rows, {}])}>
          {t('actions.addItem')}
        </button>
      )}
    </fieldset>
  );
}

function JsonField({ id, title, required, onChange }: { id: string; title: preact.ComponentChildren; required: boolean; onChange: (value: unknown) => void }) {
  const { t } = useT();
  return (
    <label>
      {title} (JSON)
      <textarea id={id} rows={3} required={required} onInput={(e) => {
        const text = (e.currentTarget as HTMLTextAreaElement).value.trim();
        try {
          onChange(text ? (JSON.parse(text) as unknown) : undefined);
          (e.currentTarget as HTMLTextAreaElement).setCustomValidity('');
        } catch {
          (e.currentTarget as HTMLTextAreaElement).setCustomValidity(t('form.invalid'));
        }
      }} />
    </label>
  );
}
