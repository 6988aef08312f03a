import { loadBundledSpec } from '@gdx/openapi';
import type { LocalizedLabel, OfferedAction } from '../workflow-objects.js';

/** A field of an official action, as the simulation contract's `OfficialAction` variant defines it. */
export interface ActionField {
  name: string;
  required: boolean;
  description: LocalizedLabel;
  /** The field's JSON Schema with every `$ref` resolved (a form can use it as it is). */
  schema: unknown;
  /** Names of the field's members and choices by path (`reasons/text`, `sharing/type=unconditional`); absent when the contract names none. */
  memberLabels?: Record<string, LocalizedLabel>;
}

/** An allowed action of a timeline (`AllowedAction`). */
export interface AllowedAction {
  action: string;
  role: string;
  label: LocalizedLabel;
  fields: ActionField[];
}

type Schema = Record<string, unknown>;

/** Members every action shares (`ActionTarget`): they name the object, not the decision. */
const TARGET_MEMBERS = new Set(['action', 'platform', 'objectType', 'objectId', 'organizationId', 'note']);

const REF_PREFIX = '#/components/schemas/';

/** A schema with its `$ref`s replaced by their targets (the contract's schemas are not recursive; depth is bounded anyway). */
function inline(schema: unknown, schemas: Readonly<Record<string, Schema>>, depth = 0): unknown {
  if (Array.isArray(schema)) return schema.map((s) => inline(s, schemas, depth));
  if (schema === null || typeof schema !== 'object') return schema;
  const { $ref, ...rest } = schema as Schema;
  if (typeof $ref === 'string' && $ref.startsWith(REF_PREFIX) && depth < 8) {
    return inline({ ...schemas[$ref.slice(REF_PREFIX.length)], ...rest }, schemas, depth + 1);
  }
  return Object.fromEntries(Object.entries(rest).filter(([key]) => !key.startsWith('x-')).map(([key, value]) => [key, inline(value, schemas, depth)]));
}

/** A form's field and the platforms whose objects take it (`x-gdx-platforms`; absent: every platform). */
interface FormField {
  field: ActionField;
  platforms?: readonly string[];
}

/**
 * The labels `x-gdx-field-labels` gives inside the field `name`: its members (`reasons/text`) and
 * choices (`sharing/type=unconditional`), or `undefined` when it gives none.
 */
function labelsUnder(fieldLabels: Readonly<Record<string, LocalizedLabel>>, name: string): Record<string, LocalizedLabel> | undefined {
  const under = Object.entries(fieldLabels).filter(([path]) => path.startsWith(`${name}/`) || path.startsWith(`${name}=`));
  return under.length > 0 ? Object.fromEntries(under) : undefined;
}

/** Each action's form, read once from the bundled simulation contract. */
function readForms(): ReadonlyMap<string, { label: LocalizedLabel; fields: FormField[] }> {
  const schemas = (loadBundledSpec('simulation').components?.schemas ?? {}) as Record<string, Schema>;
  const official = schemas.OfficialAction ?? {};
  const mapping = ((official.discriminator as Schema | undefined)?.mapping ?? {}) as Record<string, string>;
  const fieldLabels = (official['x-gdx-field-labels'] ?? {}) as Record<string, LocalizedLabel>;
  const forms = new Map<string, { label: LocalizedLabel; fields: FormField[] }>();
  for (const [action, ref] of Object.entries(mapping)) {
    const variant = schemas[ref.slice(REF_PREFIX.length)] ?? {};
    const own = ((variant.allOf ?? []) as Schema[]).find((part) => part.$ref === undefined) ?? {};
    const required = new Set((own.required ?? []) as string[]);
    const fields = Object.entries((own.properties ?? {}) as Record<string, unknown>)
      .filter(([name]) => !TARGET_MEMBERS.has(name))
      .map(([name, schema]) => {
        const platforms = (schema as Schema)['x-gdx-platforms'];
        const field: ActionField = { name, required: required.has(name), description: fieldLabels[name] ?? { zh: name, en: name }, schema: inline(schema, schemas) };
        const memberLabels = labelsUnder(fieldLabels, name);
        if (memberLabels) field.memberLabels = memberLabels;
        return Array.isArray(platforms) ? { field, platforms: platforms as string[] } : { field };
      });
    forms.set(action, { label: (variant['x-gdx-label'] as LocalizedLabel | undefined) ?? { zh: action, en: action }, fields });
  }
  return forms;
}

let forms: ReturnType<typeof readForms> | undefined;

/**
 * Whether the simulation contract's `OfficialAction` has a variant for `action`: the actions
 * `POST /sandboxes/{id}/actions` validates a body against, so the only ones it can take.
 *
 * @example
 * ```ts
 * takesOfficialAction('approve_data_access'); // true
 * takesOfficialAction('report_agreement');    // false: the operator reports on its platform
 * ```
 */
export function takesOfficialAction(action: string): boolean {
  forms ??= readForms();
  return forms.has(action);
}

const appliesTo = (f: FormField, platform: string) => f.platforms === undefined || f.platforms.includes(platform);

/**
 * The members of an action's body that its form gives to other platforms only (`x-gdx-platforms`):
 * a revocation's `ground` is the registration's 撤销事由, meaningless to an authorization or a grant.
 *
 * @example
 * ```ts
 * foreignMembers('revoke', 'authorized-operation', { action: 'revoke', reasons, ground: 'improper_use' }); // ['ground']
 * ```
 */
export function foreignMembers(action: string, platform: string, body: Readonly<Record<string, unknown>>): string[] {
  forms ??= readForms();
  return (forms.get(action)?.fields ?? []).filter((f) => !appliesTo(f, platform) && body[f.field.name] !== undefined).map((f) => f.field.name);
}

/**
 * The actions a machine offers that the simulation API takes (`OfficialAction` has a variant for
 * them), each with its label and fields read from the contract — the form a client shows and
 * the body `POST /sandboxes/{id}/actions` validates against — a field also required where the
 * machine requires that payload member. Given the object's `platform`, fields the contract gives
 * to other platforms only are left out.
 *
 * @example
 * ```ts
 * actionForms([{ action: 'not_accept', role: 'registry' }])[0].fields[0].name; // 'reasons'
 * actionForms([{ action: 'revoke', role: 'grantor' }], 'authorized-operation')[0].fields.map((f) => f.name); // ['reasons']
 * ```
 */
export function actionForms(offered: readonly OfferedAction[], platform?: string): AllowedAction[] {
  forms ??= readForms();
  const known = forms;
  return offered.flatMap(({ action, role, requires = [] }) => {
    const form = known.get(action);
    if (!form) return [];
    // Required when the contract or the machine says so (the stricter of the two is what is accepted).
    const fields = form.fields
      .filter((f) => platform === undefined || appliesTo(f, platform))
      .map(({ field }) => ({ ...structuredClone(field), required: field.required || requires.includes(field.name) }));
    return [{ action, role, label: form.label, fields }];
  });
}
