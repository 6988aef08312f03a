import type { CreateEntryBody, ProposeEntryChangeBody } from '@gdx/catalog';

/**
 * The name the editor gives the new entry; unique in the seed catalog, so a search finds exactly it.
 *
 * @example
 * ```ts
 * await publicClient.search.queryPage({ q: ENTRY_NAME });
 * ```
 */
export const ENTRY_NAME = '公交车辆到站预报信息';

/**
 * The catalog entry a transport bureau compiles (预编) for its bus arrival forecasts: core
 * metadata after the 编制指南 practice — classification, domain, authoritative source (一数一源),
 * data items with the sensitive flag, sharing and opening attributes, update cycle, grade.
 *
 * @example
 * ```ts
 * const draft = await client.entries.create(busArrivalsEntry());
 * ```
 */
export function busArrivalsEntry(): CreateEntryBody {
  return {
    name: ENTRY_NAME,
    summary: '全市公交线路各站点的车辆到站预报时间，由车载定位数据计算。',
    catalogKind: 'public_service',
    level: 'city',
    region: '350200',
    classification: { category: '主题信息', item: '交通出行', detail: '公交到站' },
    domain: '交通运输',
    authoritativeSource: '公交智能调度系统',
    items: [
      { name: '线路编号', dataType: 'string', length: 16, description: '公交线路编号', sensitive: false },
      { name: '站点编号', dataType: 'string', length: 16, description: '站点编号', sensitive: false },
      { name: '预计到站时间', dataType: 'datetime', description: '下一班车预计到站时间', sensitive: false },
    ],
    sharing: { type: 'conditional', conditions: ['specific_scenario'], deliveryMethods: ['api'] },
    opening: { type: 'on_application', conditions: ['usage_feedback'] },
    updateCycle: 'real_time',
    formats: ['json'],
    grade: 'general',
    relatedSystems: ['公交智能调度系统'],
  };
}

/**
 * The change request (变更) after publication: a new data item (vehicle crowding) and an updated
 * summary. The published version stays visible until the authority publishes this one.
 *
 * @example
 * ```ts
 * await client.entries.proposeChange(entry.id, crowdingChange());
 * ```
 */
export function crowdingChange(): ProposeEntryChangeBody {
  const items = busArrivalsEntry().items ?? [];
  return {
    note: '新增车厢拥挤度信息项（智能调度系统二期上线）。',
    changes: {
      summary: '全市公交线路各站点的车辆到站预报时间及车厢拥挤度，由车载定位与客流计数数据计算。',
      items: [...items, { name: '车厢拥挤度', dataType: 'integer', description: '1 空闲 – 4 拥挤', sensitive: false }],
    },
  };
}
