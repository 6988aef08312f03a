/** Version sent in the default user-agent; keep in step with package.json (changesets bumps both). */
export const VERSION = '0.1.0';
