import { describe, expect, it } from 'vitest';
import { href, parseRoute } from './route.js';

describe('parseRoute', () => {
  it('opens the view a hash names, its segments decoded', () => {
    expect(parseRoute('#/s/a%20b/objects/registration/application/rga_1')).toEqual({ view: 'timeline', sandboxId: 'a b', platform: 'registration', objectType: 'application', objectId: 'rga_1' });
    expect(parseRoute(href('s', 'sbx/1', 'events'))).toEqual({ view: 'events', sandboxId: 'sbx/1' });
  });

  it('answers not-found for a malformed percent-escape instead of throwing', () => {
    for (const hash of ['#/s/%E0%A4%A/clock', '#%', '#/s/x/objects/registration/application/%']) {
      expect(parseRoute(hash), hash).toEqual({ view: 'not-found' });
    }
  });
});
