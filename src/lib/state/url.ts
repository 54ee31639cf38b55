// The view in the URL hash, pure: parse(hash) -> View + notices, serialise(View) -> hash. Each parameter parses to
// valid / invalid / missing (OWID style); a Record over ParamName makes the type checker insist every one is handled.
// Nothing from the URL is ever used as an object key: URLSearchParams + Map only, ids allow-listed by pattern.
import { CHART_IDS } from '../data/types';
import type { ChartId } from '../data/types';

export type Lang = 'zh' | 'en';
export type Route = 'dashboard' | 'embed' | 'source' | 'present';
export type Background = 'white' | 'transparent';

export interface View {
  route: Route;
  /** embed / present: which chart. */
  chart: ChartId | null;
  /** source route: source id. */
  source: string | null;
  /** default 'zh'. */
  lang: Lang;
  /** null = the default selection; [] = explicitly none. */
  cities: string[] | null;
  /** explorer's indicator id. */
  indicator: string | null;
  /** source route: row key to scroll to / highlight. */
  mark: string | null;
  /** export background option. */
  bg: Background | null;
  /** compressed small upload travelling in the link (see share.ts). */
  data: string | null;
}

export interface Notice {
  param: string;
  raw: string;
  reason: { zh: string; en: string };
}

type Reason = Notice['reason'];

/** Ids (cities, indicators, sources) in a URL: lower-case ASCII slugs. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/** Row keys (`wuhu-rd_intensity-2020-h1-actual`); letters of any script allowed, no punctuation that could mean markup. */
export const MARK_PATTERN = /^[\p{L}\p{N}_.:~-]{1,200}$/u;
/** lz-string `compressToEncodedURIComponent` alphabet. */
export const DATA_PATTERN = /^[A-Za-z0-9+$-]+$/;
/** Longest compressed upload allowed in a link. */
export const LINK_DATA_MAX_CHARS = 6000;
export const MAX_CITIES = 50;

const PARAMS = ['lang', 'cities', 'indicator', 'mark', 'bg', 'data'] as const;
type ParamName = (typeof PARAMS)[number];
const PARAM_SET: ReadonlySet<string> = new Set(PARAMS);

const R = {
  unknownRoute: {
    zh: '无法识别的页面地址，已显示看板首页',
    en: 'unknown page address; showing the dashboard',
  },
  unknownChart: { zh: '无法识别的图表，已忽略', en: 'unknown chart, ignored' },
  missingChart: { zh: '未指定图表，已显示看板首页', en: 'no chart given; showing the dashboard' },
  extraPath: { zh: '地址中多余的部分，已忽略', en: 'extra part of the address, ignored' },
  unknownParam: { zh: '无法识别的参数，已忽略', en: 'unknown parameter, ignored' },
  repeated: { zh: '参数重复，只采用第一个', en: 'parameter repeated; only the first is used' },
  invalid: { zh: '取值无效，已忽略', en: 'invalid value, ignored' },
  invalidId: { zh: '不是有效的编号，已忽略', en: 'not a valid id, ignored' },
  tooMany: {
    zh: `城市过多，只保留前 ${MAX_CITIES} 个`,
    en: `too many cities; only the first ${MAX_CITIES} are kept`,
  },
  notHere: { zh: '此页面不使用该参数，已忽略', en: 'not used on this page, ignored' },
  dataTooLarge: { zh: '链接中的数据过大，已忽略', en: 'data in the link is too large, ignored' },
  unknownCity: { zh: '数据中没有这个城市，已忽略', en: 'no such city in the data, ignored' },
  unknownIndicator: { zh: '数据中没有这个指标，已忽略', en: 'no such indicator in the data, ignored' },
  unknownSource: {
    zh: '没有这份来源报告，已显示看板首页',
    en: 'no such source report; showing the dashboard',
  },
  unreadable: {
    zh: '无法读取页面地址，已显示看板首页',
    en: 'the page address could not be read; showing the dashboard',
  },
} satisfies Record<string, Reason>;

type Parsed<T> =
  | { kind: 'valid'; value: T; notices?: Notice[] }
  | { kind: 'invalid'; notices: Notice[] }
  | { kind: 'missing' };

/** defaultView() -> {route:'dashboard', lang:'zh', everything else null} */
export function defaultView(): View {
  return {
    route: 'dashboard',
    chart: null,
    source: null,
    lang: 'zh',
    cities: null,
    indicator: null,
    mark: null,
    bg: null,
    data: null,
  };
}

function clip(raw: string): string {
  return raw.length > 100 ? `${raw.slice(0, 100)}…` : raw;
}

function note(param: string, raw: string, reason: Reason): Notice {
  return { param, raw: clip(raw), reason };
}

function isChartId(s: string): s is ChartId {
  return (CHART_IDS as readonly string[]).includes(s);
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Parsed cities list: invalid ids dropped with a notice each, duplicates removed, capped at MAX_CITIES. */
function parseCities(raw: string): Parsed<string[]> {
  const notices: Notice[] = [];
  const seen = new Set<string>();
  const items = raw.split(',').map((s) => s.trim());
  for (const id of items) {
    if (id === '') continue;
    if (!ID_PATTERN.test(id)) notices.push(note('cities', id, R.invalidId));
    else seen.add(id);
  }
  let ids = [...seen];
  if (ids.length > MAX_CITIES) {
    notices.push(note('cities', raw, R.tooMany));
    ids = ids.slice(0, MAX_CITIES);
  }
  const hadItems = items.some((s) => s !== '');
  if (hadItems && ids.length === 0) return { kind: 'invalid', notices };
  return { kind: 'valid', value: ids, notices };
}

function pattern(param: ParamName, raw: string, re: RegExp, reason: Reason = R.invalid): Parsed<string> {
  return re.test(raw)
    ? { kind: 'valid', value: raw }
    : { kind: 'invalid', notices: [note(param, raw, reason)] };
}

function oneOf<T extends string>(param: ParamName, raw: string, allowed: readonly T[]): Parsed<T> {
  return (allowed as readonly string[]).includes(raw)
    ? { kind: 'valid', value: raw as T }
    : { kind: 'invalid', notices: [note(param, raw, R.invalid)] };
}

function parseData(raw: string): Parsed<string> {
  const s = raw.replace(/ /g, '+'); // URLSearchParams reads '+' as a space
  if (s.length > LINK_DATA_MAX_CHARS)
    return { kind: 'invalid', notices: [note('data', raw, R.dataTooLarge)] };
  return pattern('data', s, DATA_PATTERN);
}

/** Every parameter's parser and where its value goes; the Record type makes a forgotten parameter a type error. */
const HANDLERS: { [K in ParamName]: (raw: string, view: View) => Notice[] } = {
  lang: (raw, v) => apply(oneOf('lang', raw, ['zh', 'en'] as const), (x) => (v.lang = x)),
  cities: (raw, v) => apply(parseCities(raw), (x) => (v.cities = x)),
  indicator: (raw, v) => apply(pattern('indicator', raw, ID_PATTERN, R.invalidId), (x) => (v.indicator = x)),
  mark: (raw, v) =>
    v.route === 'source'
      ? apply(pattern('mark', raw, MARK_PATTERN), (x) => (v.mark = x))
      : [note('mark', raw, R.notHere)],
  bg: (raw, v) => apply(oneOf('bg', raw, ['white', 'transparent'] as const), (x) => (v.bg = x)),
  data: (raw, v) => apply(parseData(raw), (x) => (v.data = x)),
};

function apply<T>(p: Parsed<T>, set: (value: T) => void): Notice[] {
  if (p.kind === 'valid') {
    set(p.value);
    return p.notices ?? [];
  }
  return p.kind === 'invalid' ? p.notices : [];
}

function parseRoute(path: string, view: View, notices: Notice[]): void {
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.length === 0) return;
  const [head, id] = segments.map(decodeSegment) as [string, string | undefined];
  if ((head === 'embed' || head === 'present') && id !== undefined && isChartId(id)) {
    view.route = head;
    view.chart = id;
  } else if (head === 'present') {
    view.route = 'present'; // presentation mode without a (known) chart starts at the first one
    view.chart = CHART_IDS[0] ?? null;
    if (id !== undefined) notices.push(note('route', id, R.unknownChart));
  } else if (head === 'sources' && id !== undefined && ID_PATTERN.test(id)) {
    view.route = 'source';
    view.source = id;
  } else {
    const reason = head === 'embed' && id === undefined ? R.missingChart : R.unknownRoute;
    notices.push(note('route', `#/${path}`, reason));
    return;
  }
  if (segments.length > 2) notices.push(note('route', segments.slice(2).join('/'), R.extraPath));
}

function parse(hash: string): { view: View; notices: Notice[] } {
  const view = defaultView();
  const notices: Notice[] = [];
  const s = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = s.indexOf('?');
  const path = q < 0 ? s : s.slice(0, q);
  const query = q < 0 ? '' : s.slice(q + 1);
  parseRoute(path, view, notices);
  const firsts = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(query)) {
    if (!PARAM_SET.has(key)) notices.push(note(key, value, R.unknownParam));
    else if (firsts.has(key)) notices.push(note(key, value, R.repeated));
    else firsts.set(key, value);
  }
  for (const name of PARAMS) {
    const raw = firsts.get(name);
    if (raw !== undefined) notices.push(...HANDLERS[name](raw, view));
  }
  return { view, notices };
}

/**
 * Parse a location hash; never throws, whatever the string.
 * parseView('#/embed/rd-intensity?lang=en&cities=wuhu,fuzhou').view -> {route:'embed', chart:'rd-intensity', lang:'en', cities:['wuhu','fuzhou'], ...}
 */
export function parseView(hash: string): { view: View; notices: Notice[] } {
  try {
    return parse(typeof hash === 'string' ? hash : '');
  } catch {
    return { view: defaultView(), notices: [note('route', '', R.unreadable)] };
  }
}

/**
 * The view with everything parseView would refuse removed, and route-specific fields consistent with the route.
 * normaliseView({...defaultView(), route:'embed', chart:null}) -> dashboard (an embed needs a chart)
 */
export function normaliseView(view: View): View {
  const v = defaultView();
  v.lang = view.lang === 'en' ? 'en' : 'zh';
  if ((view.route === 'embed' || view.route === 'present') && view.chart !== null && isChartId(view.chart)) {
    v.route = view.route;
    v.chart = view.chart;
  } else if (view.route === 'present') {
    v.route = 'present';
    v.chart = CHART_IDS[0] ?? null;
  } else if (view.route === 'source' && typeof view.source === 'string' && ID_PATTERN.test(view.source)) {
    v.route = 'source';
    v.source = view.source;
    if (typeof view.mark === 'string' && MARK_PATTERN.test(view.mark)) v.mark = view.mark;
  }
  if (Array.isArray(view.cities)) {
    const ids = [...new Set(view.cities.filter((c) => typeof c === 'string' && ID_PATTERN.test(c)))];
    v.cities = view.cities.length > 0 && ids.length === 0 ? null : ids.slice(0, MAX_CITIES);
  }
  if (typeof view.indicator === 'string' && ID_PATTERN.test(view.indicator)) v.indicator = view.indicator;
  if (view.bg === 'white' || view.bg === 'transparent') v.bg = view.bg;
  if (
    typeof view.data === 'string' &&
    view.data.length <= LINK_DATA_MAX_CHARS &&
    DATA_PATTERN.test(view.data)
  ) {
    v.data = view.data;
  }
  return v;
}

function enc(s: string): string {
  return encodeURIComponent(s).replace(/%24/g, '$');
}

/**
 * The hash for a view: defaults omitted, parameters in a fixed order (lang, cities, indicator, mark, bg, data);
 * anything parseView would refuse is left out, so parseView(serialiseView(v)) has no notices.
 * serialiseView({...defaultView(), route:'embed', chart:'high-tech', lang:'en'}) -> '#/embed/high-tech?lang=en'
 */
export function serialiseView(view: View): string {
  const v = normaliseView(view);
  const path =
    v.route === 'embed' || v.route === 'present'
      ? `#/${v.route}/${v.chart ?? ''}`
      : v.route === 'source'
        ? `#/sources/${v.source ?? ''}`
        : '#/';
  const parts: string[] = [];
  const values: { [K in ParamName]: string | null } = {
    lang: v.lang === 'zh' ? null : v.lang,
    cities: v.cities === null ? null : v.cities.join(','),
    indicator: v.indicator,
    mark: v.mark,
    bg: v.bg,
    data: v.data,
  };
  for (const name of PARAMS) {
    const value = values[name];
    if (value !== null) parts.push(`${name}=${name === 'cities' ? value : enc(value)}`);
  }
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

/**
 * Keep only ids the data knows (allow-list), with a notice for each one dropped. Never mutates its input.
 * restrictView(view, {cities: new Set(['wuhu']), indicators, sources}) -> cities ['wuhu','nowhere'] becomes ['wuhu']
 */
export function restrictView(
  view: View,
  known: { cities: ReadonlySet<string>; indicators: ReadonlySet<string>; sources: ReadonlySet<string> },
): { view: View; notices: Notice[] } {
  const notices: Notice[] = [];
  const v: View = { ...view, cities: view.cities ? [...view.cities] : null };
  if (v.cities) {
    const kept = v.cities.filter((c) => {
      const ok = known.cities.has(c);
      if (!ok) notices.push(note('cities', c, R.unknownCity));
      return ok;
    });
    v.cities = v.cities.length > 0 && kept.length === 0 ? null : kept;
  }
  if (v.indicator !== null && !known.indicators.has(v.indicator)) {
    notices.push(note('indicator', v.indicator, R.unknownIndicator));
    v.indicator = null;
  }
  if (v.route === 'source' && (v.source === null || !known.sources.has(v.source))) {
    notices.push(note('route', `#/sources/${v.source ?? ''}`, R.unknownSource));
    v.route = 'dashboard';
    v.source = null;
    v.mark = null;
  }
  return { view: v, notices };
}
