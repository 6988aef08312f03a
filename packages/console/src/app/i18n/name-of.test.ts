import { describe, expect, it } from 'vitest';
import { nameOf, translator } from './locale.js';

describe('nameOf', () => {
  it('names a value the server sends as an id in the locale', () => {
    expect(nameOf(translator('zh'), 'webhooks.state', 'failed')).toBe('投递失败');
    expect(nameOf(translator('zh'), 'faults.kind', 'connection_reset')).toBe('连接重置');
    expect(nameOf(translator('zh'), 'clock.mode', 'virtual')).toBe('虚拟时钟');
    // English keeps the ids: they are English words, and what a vendor's code uses.
    expect(nameOf(translator('en'), 'webhooks.state', 'failed')).toBe('failed');
  });

  it('shows a value it has no name for by its id', () => {
    expect(nameOf(translator('zh'), 'webhooks.state', 'paused')).toBe('paused');
    // Not a name of Object.prototype's, nor of a group's: the table is nested by group.
    expect(nameOf(translator('zh'), 'policyName', 'constructor')).toBe('constructor');
    expect(nameOf(translator('zh'), 'toString', 'x')).toBe('x');
  });
});
