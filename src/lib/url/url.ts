// The view in the URL hash, pure: parseView(hash) -> View + notices, serialiseView(View) -> hash, and
// normaliseView, all three read from one table: ROUTES says each route's path, the id its path carries and the
// view parameters it takes; PARAMS (urlParams.ts) says how each parameter is read, kept and written. Old
// link forms are first brought up to date by the URL migrations (urlMigrations.ts). Every link the app
// writes goes through routes.ts. Each parameter parses to valid / invalid / missing (OWID style), and the
// mapped type of PARAMS makes the type checker insist every parameter is handled. Nothing from the URL is
// ever used as an object key: URLSearchParams + Map only, ids allow-listed by pattern.
import { CHART_IDS } from '../data/types';
import type { ChartId } from '../data/types';
import type { Bilingual, Lang } from '../i18n/bilingual';
import { migrateLink, type HashLink } from './urlMigrations';
import {
  isId,
  note,
  PARAM_ORDER,
  PARAM_SET,
  PAGED_PARAMS,
  PARAMS,
  VIEW_PARAMS,
  type ParamName,
  type Reason,
} from './urlParams';

export { DATA_PATTERN, ID_PATTERN, LINK_DATA_MAX_CHARS, MARK_PATTERN, MAX_CITIES } from './urlParams';

export type { Lang };
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
  /** the charts' value axis: 'log' (`scale=log`) or null, linear (the default). */
  scale: 'log' | null;
  /** plan targets: the plan years shown (null = all). */
  plan: string[] | null;
  /** embed / present: the page of a chart shown in pages (plan targets); null = the first. */
  page: number | null;
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
  reason: Bilingual;
}

/** How a route's path names what it shows: `#/<head>/<id>`. */
type IdRule = {
  /** The view field the id fills. */
  field: 'chart' | 'source';
  valid(id: string): boolean;
} & (
  | {
      /** Stands in for a missing id (silently) or an unknown one (with the `unknown` notice). */
      fallback: string;
      unknown: Reason;
    }
  | {
      /** No id to stand in: a path without a valid id is refused (the dashboard is shown), saying why. */
      fallback?: undefined;
      missing: Reason;
      unknown: Reason;
    }
);

interface RouteRule {
  route: Route;
  /** The path's first segment; '' for the dashboard (`#/`). */
  head: string;
  /** The id in the path's second segment, if the route has one. */
  id: IdRule | null;
  /** The view parameters the route takes; any other known one is ignored with a notice. */
  params: ReadonlySet<ParamName>;
}

/** defaultView() -> {route:'dashboard', lang:'zh', everything else null} */
export function defaultView(): View {
  return {
    route: 'dashboard',
    chart: null,
    source: null,
    lang: 'zh',
    cities: null,
    indicator: null,
    scale: null,
    plan: null,
    page: null,
    mark: null,
    bg: null,
    data: null,
  };
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

/**
 * Every route: its path, the id the path carries, the parameters it takes.
 * `#/`, `#/embed/<chart>`, `#/sources/<source>?mark=<row key>`, `#/present/<chart>` (the first chart when none).
 */
const ROUTES: readonly RouteRule[] = [
  { route: 'dashboard', head: '', id: null, params: new Set(VIEW_PARAMS) },
  {
    route: 'embed',
    head: 'embed',
    id: { field: 'chart', valid: isChartId, missing: 'urlMissingChart', unknown: 'urlUnknownRoute' },
    params: new Set(PAGED_PARAMS),
  },
  {
    route: 'source',
    head: 'sources',
    id: { field: 'source', valid: isId, missing: 'urlUnknownRoute', unknown: 'urlUnknownRoute' },
    params: new Set([...VIEW_PARAMS, 'mark']),
  },
  {
    route: 'present',
    head: 'present',
    id: { field: 'chart', valid: isChartId, fallback: CHART_IDS[0], unknown: 'urlUnknownChart' },
    params: new Set(PAGED_PARAMS),
  },
];
const DASHBOARD = ROUTES[0]!;

function ruleOf(route: unknown): RouteRule | undefined {
  return ROUTES.find((r) => r.route === route);
}

/** routePath(source rule, 'wuhu-2023') -> '#/sources/wuhu-2023'; ids are slugs, nothing to escape. */
function routePath(rule: RouteRule, id: string): string {
  return rule.head === '' ? '#/' : `#/${rule.head}/${id}`;
}

/** The parameter as the link writes it: name=value, or null for its default. */
function written<K extends ParamName>(name: K, value: View[K]): string | null {
  const p = PARAMS[name];
  return value === null || value === p.default ? null : `${name}=${p.write(value as NonNullable<View[K]>)}`;
}

/** The route a link's path names, its id in the view; a path it cannot use sends it to the dashboard. */
function readPath(path: string, view: View, notices: Notice[]): RouteRule {
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.length === 0) return DASHBOARD;
  const [head, id] = segments.map(decodeSegment) as [string, string | undefined];
  const rule = ROUTES.find((r) => r.head !== '' && r.head === head);
  const refuse = (reason: Reason) => {
    notices.push(note('route', `#/${path}`, reason));
    return DASHBOARD;
  };
  if (!rule) return refuse('urlUnknownRoute');
  let taken = 1;
  if (rule.id) {
    const r = rule.id;
    let value: string;
    if (id !== undefined && r.valid(id)) value = id;
    else if (r.fallback === undefined) return refuse(id === undefined ? r.missing : r.unknown);
    else {
      value = r.fallback;
      if (id !== undefined) notices.push(note('route', id, r.unknown));
    }
    (view as unknown as Record<IdRule['field'], string>)[r.field] = value;
    taken = 2;
  }
  view.route = rule.route;
  if (segments.length > taken) notices.push(note('route', segments.slice(taken).join('/'), 'urlExtraPath'));
  return rule;
}

/** A location hash taken apart: '#/embed/x?lang=en' -> { path: '/embed/x', query: [['lang', 'en']] } */
function splitHash(hash: string): HashLink {
  const s = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = s.indexOf('?');
  return {
    path: q < 0 ? s : s.slice(0, q),
    query: [...new URLSearchParams(q < 0 ? '' : s.slice(q + 1))],
  };
}

function parse(hash: string): { view: View; notices: Notice[] } {
  const view = defaultView();
  const notices: Notice[] = [];
  const link = migrateLink(splitHash(hash));
  const rule = readPath(link.path, view, notices);
  const firsts = new Map<string, string>();
  for (const [key, value] of link.query) {
    if (!PARAM_SET.has(key)) notices.push(note(key, value, 'urlUnknownParam'));
    else if (firsts.has(key)) notices.push(note(key, value, 'urlRepeated'));
    else firsts.set(key, value);
  }
  for (const name of PARAM_ORDER) {
    const raw = firsts.get(name);
    if (raw === undefined) continue;
    if (!rule.params.has(name)) {
      notices.push(note(name, raw, 'urlNotHere'));
      continue;
    }
    const p = PARAMS[name].read(raw);
    if (p.kind === 'valid') {
      (view as unknown as Record<ParamName, unknown>)[name] = p.value;
      notices.push(...(p.notices ?? []));
    } else if (p.kind === 'invalid') notices.push(...p.notices);
  }
  return { view, notices };
}

/**
 * Parse a location hash; never throws, whatever the string. Older link forms are migrated first.
 * parseView('#/embed/rd-intensity?lang=en&cities=wuhu,fuzhou').view -> {route:'embed', chart:'rd-intensity', lang:'en', cities:['wuhu','fuzhou'], ...}
 */
export function parseView(hash: string): { view: View; notices: Notice[] } {
  try {
    return parse(typeof hash === 'string' ? hash : '');
  } catch {
    return { view: defaultView(), notices: [note('route', '', 'urlUnreadable')] };
  }
}

/** The route a view shows, as its rule would read it back, and the id in its path (null for the dashboard). */
function routeOf(view: View): { rule: RouteRule; id: string | null } {
  const rule = ruleOf(view.route);
  if (!rule) return { rule: DASHBOARD, id: null };
  if (!rule.id) return { rule, id: null };
  const value: unknown = view[rule.id.field];
  if (typeof value === 'string' && rule.id.valid(value)) return { rule, id: value };
  return rule.id.fallback === undefined ? { rule: DASHBOARD, id: null } : { rule, id: rule.id.fallback };
}

/**
 * The view with everything parseView would refuse removed, and route-specific fields consistent with the route.
 * normaliseView({...defaultView(), route:'embed', chart:null}) -> dashboard (an embed needs a chart)
 */
export function normaliseView(view: View): View {
  const v = defaultView();
  const { rule, id } = routeOf(view);
  v.route = rule.route;
  if (rule.id && id !== null) (v as unknown as Record<IdRule['field'], string>)[rule.id.field] = id;
  for (const name of PARAM_ORDER)
    if (rule.params.has(name))
      (v as unknown as Record<ParamName, unknown>)[name] = PARAMS[name].keep(view[name]);
  return v;
}

/**
 * The hash for a view: defaults omitted, parameters in a fixed order (lang, cities, indicator, scale, plan, page, mark, bg, data);
 * anything parseView would refuse is left out, so parseView(serialiseView(v)) has no notices. Use routes.ts
 * (href and its helpers) to write a link.
 * serialiseView({...defaultView(), route:'embed', chart:'high-tech', lang:'en'}) -> '#/embed/high-tech?lang=en'
 */
export function serialiseView(view: View): string {
  const v = normaliseView(view);
  const { rule, id } = routeOf(v);
  const parts = PARAM_ORDER.map((name) => written(name, v[name])).filter((s) => s !== null);
  const path = routePath(rule, id ?? '');
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
      if (!ok) notices.push(note('cities', c, 'urlUnknownCity'));
      return ok;
    });
    v.cities = v.cities.length > 0 && kept.length === 0 ? null : kept;
  }
  if (v.indicator !== null && !known.indicators.has(v.indicator)) {
    notices.push(note('indicator', v.indicator, 'urlUnknownIndicator'));
    v.indicator = null;
  }
  if (v.route === 'source' && (v.source === null || !known.sources.has(v.source))) {
    notices.push(note('route', routePath(ruleOf('source')!, v.source ?? ''), 'urlUnknownSource'));
    v.route = 'dashboard';
    v.source = null;
    v.mark = null;
  }
  return { view: v, notices };
}
