import type { FeedEvent } from '../../sandbox/event-feed.js';
import type { Sandbox } from '../../sandbox/sandbox.js';
import type { PlatformModule } from '../platform-module.js';
import { transitionLabels, type TransitionLabels, type WorkflowObject } from '../workflow-objects.js';

/** The names of an object's states (`WorkflowObject.label`). */
type Labels = WorkflowObject['label'];

/** A feed entry as the simulation contract's `FeedEvent` shows it. */
export type FeedEventView = Omit<FeedEvent, 'recipients'> & TransitionLabels;

const UNNAMED: Labels = () => undefined;

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
 * for its labels (a page is mostly a few objects' events). An object no platform knows any more
 * keeps its states' ids as their names.
 *
 * @example
 * ```ts
 * feedEventViews(sandbox.feed.page(undefined, 20).items, ctx.platforms, sandbox);
 * ```
 */
export function feedEventViews(entries: readonly FeedEvent[], platforms: readonly PlatformModule<unknown>[], sandbox: Sandbox): FeedEventView[] {
  const found = new Map<string, Labels>();
  const labelsOf = ({ platform, objectType, objectId }: FeedEvent): Labels => {
    const key = `${platform}\u0000${objectType}\u0000${objectId}`;
    let labels = found.get(key);
    if (!labels) {
      const module = platforms.find((p) => p.name === platform);
      labels = module?.objects?.get(sandbox.stateOf(platform), objectType, objectId)?.label ?? UNNAMED;
      found.set(key, labels);
    }
    return labels;
  };
  return entries.map((entry) => feedEventView(entry, labelsOf(entry)));
}
