/**
 * Where people clock in: one office per work city (approximate city-centre coordinates, so raw clock records
 * carry plausible latitudes and longitudes), and customers' sites a few kilometres away for field sales.
 */
import { HEAD_OFFICE_CITY } from './nameBank';
import type { Prng } from './prng';

/** An office's attendance location. */
export interface OfficeSite {
  address: string;
  latitude: number;
  longitude: number;
}

// City: [latitude, longitude], for the cities of nameBank.CITIES.
const COORDINATES: Readonly<Record<string, readonly [number, number]>> = {
  上海: [31.2304, 121.4737],
  北京: [39.9042, 116.4074],
  广州: [23.1291, 113.2644],
  深圳: [22.5431, 114.0579],
  杭州: [30.2741, 120.1551],
  南京: [32.0603, 118.7969],
  苏州: [31.299, 120.5853],
  成都: [30.5728, 104.0668],
  武汉: [30.5928, 114.3055],
  西安: [34.3416, 108.9398],
  重庆: [29.563, 106.5516],
  天津: [39.3434, 117.3616],
  长沙: [28.2282, 112.9388],
  郑州: [34.7466, 113.6254],
  青岛: [36.0671, 120.3826],
  厦门: [24.4798, 118.0894],
  合肥: [31.8206, 117.2272],
  济南: [36.6512, 117.1201],
  宁波: [29.8683, 121.544],
  福州: [26.0745, 119.2965],
  昆明: [25.0389, 102.7183],
  沈阳: [41.8057, 123.4315],
  大连: [38.914, 121.6147],
  无锡: [31.4912, 120.3119],
  佛山: [23.0215, 113.1214],
  东莞: [23.0207, 113.7518],
  南昌: [28.682, 115.8579],
  石家庄: [38.0428, 114.5149],
};

const CUSTOMER_SITES = ['科技园', '商务中心', '产业园', '写字楼', '工业区', '商业广场'];

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

/** The office of a work city (unknown cities get the head office's coordinates). */
export function officeOf(city: string): OfficeSite {
  const [latitude, longitude] = COORDINATES[city] ?? COORDINATES[HEAD_OFFICE_CITY] ?? [30.2741, 120.1551];
  const name = city === HEAD_OFFICE_CITY ? '总部' : `${city}分公司`;
  return { address: `${city}市 留才科技${name}`, latitude, longitude };
}

/** A customer's site within ~10 km of the office, drawn from `prng`. */
export function customerSiteNear(office: OfficeSite, city: string, prng: Prng): OfficeSite {
  return {
    address: `${city}市 客户现场（${prng.pick(CUSTOMER_SITES)}${prng.int(1, 30)}号楼）`,
    latitude: round6(office.latitude + (prng.next() - 0.5) * 0.18),
    longitude: round6(office.longitude + (prng.next() - 0.5) * 0.18),
  };
}

/** A point within a few tens of metres of `site`, as a phone's GPS reports it. */
export function jitter(site: OfficeSite, prng: Prng): { latitude: number; longitude: number } {
  return { latitude: round6(site.latitude + (prng.next() - 0.5) * 0.0006), longitude: round6(site.longitude + (prng.next() - 0.5) * 0.0006) };
}
