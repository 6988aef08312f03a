import type { ProblemSeen, RegistrationRun } from './registration-run.js';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className !== undefined) el.className = className;
  return el;
}

function row(cells: readonly string[], header = false): HTMLTableRowElement {
  const tr = element('tr');
  for (const cell of cells) tr.append(element(header ? 'th' : 'td', cell));
  return tr;
}

function problemLine(label: string, p: ProblemSeen): HTMLLIElement {
  return element('li', `${label}: HTTP ${p.status} ${p.code} — ${p.zh} / ${p.en}`);
}

/**
 * Shows a run in `root`: the dated timeline as a table, then the two refused requests. Text only
 * (`textContent`), so nothing the platform answers is interpreted as HTML.
 *
 * @example
 * ```ts
 * renderRun(document.querySelector('#app')!, await fileRegistration(MOCK_URL));
 * ```
 */
export function renderRun(root: HTMLElement, run: RegistrationRun): void {
  const table = element('table', undefined, 'timeline');
  table.append(row(['date', 'step', 'due', 'basis'], true));
  for (const s of run.steps) table.append(row([s.date, s.text, s.dueDate ?? '', s.basis ?? '']));
  const problems = element('ul', undefined, 'problems');
  problems.append(problemLine('missing field 缺少字段', run.problems.missingField), problemLine('wrong secret 密钥错误', run.problems.wrongSecret));
  root.replaceChildren(
    element('p', `sandbox ${run.sandboxId}, application ${run.applicationId}, code ${run.registrationCode}`),
    table,
    element('h2', 'refused requests 被拒绝的请求'),
    problems,
  );
}

/**
 * Shows a failure in `root` (bilingual messages of gdx errors included in `String(error)`).
 *
 * @example
 * ```ts
 * renderFailure(document.querySelector('#app')!, error);
 * ```
 */
export function renderFailure(root: HTMLElement, error: unknown): void {
  root.replaceChildren(element('pre', error instanceof Error ? `${error.name}: ${error.message}` : String(error), 'failure'));
}
