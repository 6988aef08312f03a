/** Profile names a sandbox may be created with (the jurisdictions of `@gdx/procedures`). */
export const KNOWN_PROFILES: readonly string[] = ['national', 'inner-mongolia', 'xiamen'];
