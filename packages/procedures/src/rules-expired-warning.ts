/**
 * A `RULES_EXPIRED` warning, one shape on every platform (the contracts' `RulesExpiredWarning`): the
 * local rules an object falls under lapsed after `rulesValidUntil` (Xiamen: both 办法 on
 * 2025-12-27) and are kept until a successor is published. `rules`, `basis` and `rulesValidUntil`
 * let a client act on it without parsing `message`.
 */
export interface RulesExpiredWarning {
  code: 'RULES_EXPIRED';
  /**
   * The lapsed rules' title, e.g. `厦门市公共数据开发利用管理暂行办法`; `null` only when a profile ends
   * its authorized-operation rules without citing them (`authorizedOperation.rules: null`).
   */
  rules: string | null;
  /** The article stating their validity, e.g. `厦门市公共数据开发利用管理暂行办法 第二十七条`; `null` as `rules`. */
  basis: string | null;
  /** The last day the rules were valid (YYYY-MM-DD). */
  rulesValidUntil: string;
  message: { zh: string; en: string };
}
