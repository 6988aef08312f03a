import { describe, expect, it } from 'vitest';
import type { Health } from '../api/types.js';
import { translator } from '../i18n/locale.js';
import { healthFacts, reasonText } from './health.js';

const degraded: Health = {
  status: 'degraded',
  reasons: ['STORAGE_UNAVAILABLE', 'INSUFFICIENT_MEMORY'],
  version: '0.1.0',
  uptimeSeconds: 3725.4,
  startedAt: '2026-12-04T09:00:00.000+08:00',
  storage: { kind: 'store', location: '.gdx-data/store.sqlite', writable: false, compacting: false, entriesSinceSnapshot: 42, restoring: 1, unrestorable: 0, replayRefused: { count: 1, location: '.gdx-data/replay-refused.jsonl', notKept: 0 } },
  sandboxes: 3,
  connections: { open: 4, max: 1000 },
  memory: { usedBytes: 900 * 1024 * 1024, limitBytes: 1000 * 1024 * 1024, maxHeapRatio: 0.9 },
};

describe('healthFacts', () => {
  it('gives every figure of a degraded data directory in the reader’s language', () => {
    expect(Object.fromEntries(healthFacts(degraded, translator('zh')))).toEqual({
      版本: '0.1.0',
      已运行: '1:02:05',
      存储: '数据目录 .gdx-data/store.sqlite',
      可写入: '否',
      正在写快照: '否',
      快照后的写入: '42',
      '沙箱（待恢复 / 无法恢复）': '3 (1 / 0)',
      '重放被拒的请求（已保存 / 未保存）': '1 / 0 .gdx-data/replay-refused.jsonl',
      '连接（当前 / 上限）': '4 / 1000',
      堆内存: '900 / 1000 MiB（90%，达 90% 拒绝写入）',
    });
  });

  it('leaves out what the answer has not: the connections in process, the heap without its guard, a location behind a sim token', () => {
    const memory: Health = { ...degraded, status: 'ok', reasons: [], storage: { ...degraded.storage, kind: 'memory', location: undefined, writable: true, replayRefused: { count: 0, notKept: 0 } }, connections: undefined, memory: undefined };
    const facts = Object.fromEntries(healthFacts(memory, translator('en')));
    expect(facts.Storage).toBe('memory only');
    expect(facts['Requests a replay refused (kept / not kept)']).toBe('0 / 0');
    expect(Object.keys(facts)).not.toContain('Heap');
    expect(Object.keys(facts)).not.toContain('Connections (open / max)');
  });
});

describe('reasonText', () => {
  it('explains each degraded reason in the reader’s language', () => {
    for (const code of ['STORAGE_UNAVAILABLE', 'REPLAY_REFUSED_NOT_KEPT', 'DATA_DIR_LOCK_LOST', 'SANDBOX_UNRESTORABLE', 'SNAPSHOTS_FAILING', 'INSUFFICIENT_MEMORY']) {
      expect(reasonText(code, translator('zh')), code).toMatch(/[\u4e00-\u9fff]/);
      expect(reasonText(code, translator('en')), code).toMatch(/^[A-Z]/);
    }
    expect(reasonText('DATA_DIR_LOCK_LOST', translator('zh'))).toBe('数据目录的锁 gdx-mock.lock 被另一进程持有：可能有第二个服务在用该目录。');
  });

  it('says nothing of a reason this console does not know yet: its code is shown alone', () => {
    expect(reasonText('DISK_ON_FIRE', translator('en'))).toBe('');
  });
});
