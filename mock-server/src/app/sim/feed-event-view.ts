import type { FeedEvent } from '../../sandbox/event-feed.js';
import type { Sandbox } from '../../sandbox/sandbox.js';
import { transitionLabels, type TransitionLabels, type WorkflowObject } from '../workflow-objects.js';

/** The names of an object's states (`WorkflowObject.label`). */
type Labels = WorkflowObject['label'];

/** A feed entry as the simulation contract's `FeedEvent` shows it. */
export type FeedEventView = Omit<FeedEvent, 'recipients'> & TransitionLabels;

/**
 * A feed entry as the simulation API answers it: without the organisations its webhooks go to,
 * with its states named as the object's timeline names them (`fromLabel`, `toLabel`).
 *
 * @example
 * ```ts
 * feedEventView(entry, object.label).toLabel; // { zh: '形式审核', en: 'Under review' }
 * ```
 */
export function feedEventView({ recipients: _recipients, ...visible }: FeedEvent, labels: Labels): FeedEventView {
  return { ...visible, ...transitionLabels(visible.event, labels) };
}

/**
 * Feed entries of any objects as the simulation API answers them, each object looked up once
 * for its labels (`Sandbox.objectLabels`; a page is mostly a few objects' events).
 *
 * @example
 * ```ts
 * feedEventViews(sandbox.feed.page(undefined, 20).items, sandbox);
 * ```
 */
export function feedEventViews(entries: readonly FeedEvent[], sandbox: Pick<Sandbox, 'objectLabels'>): FeedEventView[] {
  const found = new Map<string, Labels>();
  const labelsOf = (entry: FeedEvent): Labels => {
    const key = `${entry.platform}\u0000${entry.objectType}\u0000${entry.objectId}`;
    let labels = found.get(key);
    if (!labels) {
      labels = sandbox.objectLabels(entry);
      found.set(key, labels);
    }
    return labels;
  };
  return entries.map((entry) => feedEventView(entry, labelsOf(entry)));
}
