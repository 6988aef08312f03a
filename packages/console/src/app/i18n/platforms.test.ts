import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../api/types.js';
import { platformName } from './platforms.js';

describe('platformName', () => {
  it('names every platform in Chinese, by its id in English', () => {
    expect(PLATFORMS.map((p) => platformName(p, 'zh'))).toEqual(['公共数据资源登记', '政务数据共享', '公共数据开放', '公共数据资源目录', '公共数据资源授权运营']);
    expect(PLATFORMS.map((p) => platformName(p, 'en'))).toEqual(PLATFORMS);
  });

  it('names a platform it does not know by its id', () => {
    expect(platformName('statistics', 'zh')).toBe('statistics');
  });
});
