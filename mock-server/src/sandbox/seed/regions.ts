import type { Region } from './types.js';

/**
 * Region codes (行政区划代码, 6 digits) used by the seed. A small, real subset: enough for the
 * region facet to be meaningful without shipping the national table.
 */
export const REGIONS = {
  xiamen: { code: '350200', name: '厦门市', level: 'city' },
  siming: { code: '350203', name: '思明区', level: 'county' },
  haicang: { code: '350205', name: '海沧区', level: 'county' },
  huli: { code: '350206', name: '湖里区', level: 'county' },
  jimei: { code: '350211', name: '集美区', level: 'county' },
  tongan: { code: '350212', name: '同安区', level: 'county' },
  xiangan: { code: '350213', name: '翔安区', level: 'county' },
  innerMongolia: { code: '150000', name: '内蒙古自治区', level: 'provincial' },
  hohhot: { code: '150100', name: '呼和浩特市', level: 'city' },
  xincheng: { code: '150102', name: '新城区', level: 'county' },
  saihan: { code: '150105', name: '赛罕区', level: 'county' },
  baotou: { code: '150200', name: '包头市', level: 'city' },
  national: { code: '100000', name: '中华人民共和国', level: 'national' },
} as const satisfies Record<string, Region>;

/** The home city and its districts for each built-in profile. */
export interface RegionSet {
  city: Region;
  districts: Region[];
  /** The province (or the national level) above the city. */
  upper: Region;
}

/**
 * Picks the regions for a jurisdiction profile: Xiamen for `xiamen` and `national` (the national
 * profile still needs a city to host agencies), Hohhot for `inner-mongolia`.
 *
 * @example
 * ```ts
 * regionsForProfile('inner-mongolia').city.code; // '150100'
 * ```
 */
export function regionsForProfile(profile: string): RegionSet {
  if (profile === 'inner-mongolia') {
    return { city: REGIONS.hohhot, districts: [REGIONS.xincheng, REGIONS.saihan], upper: REGIONS.innerMongolia };
  }
  return {
    city: REGIONS.xiamen,
    districts: [REGIONS.siming, REGIONS.haicang, REGIONS.huli, REGIONS.jimei, REGIONS.tongan, REGIONS.xiangan],
    upper: profile === 'xiamen' ? { code: '350000', name: '福建省', level: 'provincial' } : REGIONS.national,
  };
}
