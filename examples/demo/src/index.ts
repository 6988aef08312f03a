/**
 * @gdx/example-demo — the README demo (`npm run demo`) and the dated timeline printer the
 * examples share: every deadline as the platform states it, explained day by day with the
 * working-day calendar (holidays skipped, make-up working days counted).
 *
 * @example
 * ```ts
 * import { runDemo } from '@gdx/example-demo';
 * await runDemo({ print: console.log });
 * ```
 * @packageDocumentation
 */
export { runDemo, DEMO_START, type DemoOptions, type DemoResult } from './run-demo.js';
export { consoleLink, type ConsoleLink, type ConsoleObject } from './console-links.js';
export { parseDemoArgs, DEMO_USAGE, KEEP_OPEN_VARIABLE, type DemoArgs } from './demo-args.js';
export { registrationStory, initialApplication, type RegistrationOutcome } from './registration-story.js';
export { sharingStory, submitDemoRequest, conditionalRequest, type SharingOutcome } from './sharing-story.js';
export { conditionalResourceOf, type ConditionalResource } from './conditional-resource.js';
export { openSandbox, type DemoSandbox, type MockConnection } from './sandbox.js';
export { connectMock, type OpenConnection } from './mock-connection.js';
export { narrator } from './narrator.js';
export { timelineLines, eventEntries, eventText, type TimelineEntry, type PlatformEvent, type PlatformDeadline } from './timeline.js';
export { explainDeadline, type DeadlineExplanation, type DeadlineLike } from './explain-deadline.js';
export { createStyle, type Style } from './style.js';
export { weekday, dayOf } from './days.js';
