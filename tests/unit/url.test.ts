import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHART_IDS } from '../../src/lib/data/types';
import {
  defaultView,
  LINK_DATA_MAX_CHARS,
  MAX_CITIES,
  normaliseView,
  parseView,
  restrictView,
  serialiseView,
  type View,
} from '../../src/lib/url/url';
import {
  dataPlusSigns,
  markToOwnScope,
  migrateLink,
  URL_MIGRATIONS,
  type HashLink,
  type UrlMigration,
} from '../../src/lib/url/urlMigrations';

const idArb = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,20}$/);
const markArb = fc.stringMatching(/^[a-z0-9\u4e00-\u9fa5_.:~+-]{1,40}$/);
const dataArb = fc.stringMatching(/^[A-Za-z0-9+$-]{1,200}$/);
const chartArb = fc.constantFrom(...CHART_IDS);

/** Views that are valid as they stand (what the app would produce). */
const validView: fc.Arbitrary<View> = fc
  .record({
    route: fc.constantFrom('dashboard', 'embed', 'source', 'present') as fc.Arbitrary<View['route']>,
    chart: chartArb,
    source: idArb,
    lang: fc.constantFrom('zh', 'en') as fc.Arbitrary<View['lang']>,
    cities: fc.option(fc.uniqueArray(idArb, { maxLength: 8 }), { nil: null }),
    indicator: fc.option(idArb, { nil: null }),
    scale: fc.constantFrom(null, 'log') as fc.Arbitrary<View['scale']>,
    plan: fc.option(
      fc.uniqueArray(fc.constantFrom('2020', '2024', '2021-H1', 'Y', 'Y+1', 'Y-1'), {
        minLength: 1,
        maxLength: 3,
      }),
      { nil: null },
    ),
    page: fc.option(fc.integer({ min: 2, max: 999 }), { nil: null }),
    mark: fc.option(markArb, { nil: null }),
    bg: fc.constantFrom(null, 'white', 'transparent') as fc.Arbitrary<View['bg']>,
    data: fc.option(dataArb, { nil: null }),
  })
  .map((r) => ({
    ...r,
    chart: r.route === 'embed' || r.route === 'present' ? r.chart : null,
    source: r.route === 'source' ? r.source : null,
    mark: r.route === 'source' ? r.mark : null,
    page: r.route === 'embed' || r.route === 'present' ? r.page : null,
  }));

function snapshotPrototype() {
  return Object.getOwnPropertyNames(Object.prototype).sort().join(',');
}

describe('parseView', () => {
  it('reads routes and params', () => {
    const { view, notices } = parseView('#/embed/rd-intensity?lang=en&cities=wuhu,fuzhou');
    expect(notices).toEqual([]);
    expect(view).toEqual({
      ...defaultView(),
      route: 'embed',
      chart: 'rd-intensity',
      lang: 'en',
      cities: ['wuhu', 'fuzhou'],
    });
    expect(parseView('').view).toEqual(defaultView());
    expect(parseView('#/').view).toEqual(defaultView());
    expect(parseView('#').view).toEqual(defaultView());
    expect(parseView('#/sources/wuhu-2023?mark=wuhu-rd_intensity-2020-h1-actual').view).toMatchObject({
      route: 'source',
      source: 'wuhu-2023',
      mark: 'wuhu-rd_intensity-2020-h1-actual',
    });
    expect(parseView('#/present').view).toMatchObject({ route: 'present', chart: CHART_IDS[0] });
    expect(parseView('#/present/plan-targets?bg=transparent').view).toMatchObject({
      route: 'present',
      chart: 'plan-targets',
      bg: 'transparent',
    });
  });

  it('sends unknown routes and charts to the dashboard with a notice', () => {
    for (const hash of ['#/nope', '#/embed/pie-chart', '#/embed', '#/sources/<x>', '#/sources']) {
      const r = parseView(hash);
      expect(r.view.route).toBe('dashboard');
      expect(r.notices).toHaveLength(1);
      expect(r.notices[0]?.param).toBe('route');
    }
    const p = parseView('#/present/unknown');
    expect(p.view).toMatchObject({ route: 'present', chart: CHART_IDS[0] });
    expect(p.notices).toHaveLength(1);
  });

  it('ignores cities=<script> with a notice and keeps nothing of it', () => {
    const r = parseView('#/embed/rd-intensity?cities=<script>');
    expect(r.view.cities).toBeNull();
    expect(r.notices).toEqual([expect.objectContaining({ param: 'cities', raw: '<script>' })]);
    const enc = parseView('#/embed/rd-intensity?cities=%3Cscript%3Ealert(1)%3C%2Fscript%3E,wuhu');
    expect(enc.view.cities).toEqual(['wuhu']);
    expect(enc.notices).toHaveLength(1);
  });

  it('drops invalid ids, removes duplicates, caps the list', () => {
    const r = parseView('#/?cities=wuhu,WUHU,wuhu,fuzhou,,%20,a%2Fb');
    expect(r.view.cities).toEqual(['wuhu', 'fuzhou']);
    expect(r.notices.map((n) => n.raw)).toEqual(['WUHU', 'a/b']);
    const many = Array.from({ length: MAX_CITIES + 5 }, (_, i) => `c${i}`).join(',');
    const m = parseView(`#/?cities=${many}`);
    expect(m.view.cities).toHaveLength(MAX_CITIES);
    expect(m.notices).toHaveLength(1);
    expect(parseView('#/?cities=').view.cities).toEqual([]);
  });

  it('ignores unknown and __proto__ / constructor params with a notice; Object.prototype untouched', () => {
    const before = snapshotPrototype();
    const r = parseView(
      '#/embed/high-tech?__proto__[polluted]=1&__proto__=x&constructor[prototype][polluted]=1&foo=bar&lang=fr&bg=red&indicator=__proto__',
    );
    expect(r.view).toEqual({ ...defaultView(), route: 'embed', chart: 'high-tech' });
    expect(r.notices.map((n) => n.param)).toEqual([
      '__proto__[polluted]',
      '__proto__',
      'constructor[prototype][polluted]',
      'foo',
      'lang',
      'indicator',
      'bg',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(snapshotPrototype()).toBe(before);
    expect(Object.getPrototypeOf(r.view)).toBe(Object.prototype);
    // 'constructor' is a syntactically valid id; restrictView drops it against the known set
    const c = parseView('#/?indicator=constructor&cities=constructor');
    expect(c.view).toMatchObject({ indicator: 'constructor', cities: ['constructor'] });
    const k = restrictView(c.view, {
      cities: new Set(['wuhu']),
      indicators: new Set(['rd_intensity']),
      sources: new Set(),
    });
    expect(k.view.cities).toBeNull();
    expect(k.view.indicator).toBeNull();
    expect(k.notices).toHaveLength(2);
  });

  it('uses the first of repeated params, with a notice', () => {
    const r = parseView('#/?lang=en&lang=zh');
    expect(r.view.lang).toBe('en');
    expect(r.notices).toEqual([expect.objectContaining({ param: 'lang', raw: 'zh' })]);
  });

  it('ignores mark outside the source route and oversized data', () => {
    expect(parseView('#/?mark=x').notices).toHaveLength(1);
    const big = 'A'.repeat(LINK_DATA_MAX_CHARS + 1);
    const r = parseView(`#/?data=${big}`);
    expect(r.view.data).toBeNull();
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]?.raw.length).toBeLessThan(200);
    // '+' read as a space by URLSearchParams is restored
    expect(parseView('#/?data=ab+c$d-').view.data).toBe('ab+c$d-');
    expect(parseView('#/?data=<b>').view.data).toBeNull();
  });

  it('never throws on malformed percent-encoding and odd strings', () => {
    for (const s of [
      '%',
      '%%',
      '%E4',
      '#/%E4%B8',
      '#/embed/%ZZ?cities=%E4%B8&lang=%',
      '?&&=&=',
      '#/\u0000?\uD800=\uDFFF',
      '#'.repeat(1000),
    ]) {
      expect(() => parseView(s)).not.toThrow();
    }
    expect(parseView(undefined as unknown as string).view).toEqual(defaultView());
  });

  it('property: never throws on arbitrary strings', () => {
    const percent = fc
      .array(
        fc.oneof(
          fc.constant('%'),
          fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), maxLength: 2 }),
          fc.constantFrom('&', '=', '?', '/', ',', '#', '+'),
        ),
        {
          maxLength: 40,
        },
      )
      .map((parts) => parts.join(''));
    const prefixed = fc
      .tuple(
        fc.constantFrom('#/', '#/embed/', '#/sources/', '#/present/', '#/?', '#/embed/rd-intensity?cities='),
        fc.string(),
      )
      .map(([a, b]) => a + b);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'grapheme' }),
          percent,
          prefixed,
        ),
        (s) => {
          const r = parseView(s);
          expect(['dashboard', 'embed', 'source', 'present']).toContain(r.view.route);
          expect(Array.isArray(r.notices)).toBe(true);
          // whatever came in, the view serialises and re-parses cleanly
          expect(parseView(serialiseView(r.view)).notices).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('serialiseView', () => {
  it('omits defaults and keeps a stable param order', () => {
    expect(serialiseView(defaultView())).toBe('#/');
    expect(
      serialiseView({
        ...defaultView(),
        data: 'abc',
        bg: 'white',
        indicator: 'rd_intensity',
        scale: 'log',
        cities: ['wuhu', 'fuzhou'],
        lang: 'en',
        route: 'embed',
        chart: 'high-tech',
      }),
    ).toBe('#/embed/high-tech?lang=en&cities=wuhu,fuzhou&indicator=rd_intensity&scale=log&bg=white&data=abc');
    expect(serialiseView({ ...defaultView(), route: 'source', source: 'wuhu-2023', mark: '芜湖-x' })).toBe(
      '#/sources/wuhu-2023?mark=%E8%8A%9C%E6%B9%96-x',
    );
  });

  it('plan years and pages: a plan-target embed link keeps its page; a page on the dashboard is ignored, saying so', () => {
    const r = parseView('#/embed/plan-targets?cities=fuzhou&plan=2020,Y%2B1,20x&page=2');
    expect(r.view).toMatchObject({
      chart: 'plan-targets',
      cities: ['fuzhou'],
      plan: ['2020', 'Y+1'],
      page: 2,
    });
    expect(r.notices.map((n) => n.raw)).toEqual(['20x']);
    expect(serialiseView(r.view)).toBe('#/embed/plan-targets?cities=fuzhou&plan=2020,Y%2B1&page=2');
    for (const bad of ['0', '-1', '1.5', '1000', 'two'])
      expect(parseView(`#/embed/plan-targets?page=${bad}`).view.page, bad).toBeNull();
    const dash = parseView('#/?page=2');
    expect(dash.view.page).toBeNull();
    expect(dash.notices).toHaveLength(1);
    expect(serialiseView({ ...defaultView(), route: 'present', chart: 'plan-targets', page: 1 })).toBe(
      '#/present/plan-targets',
    );
  });

  it('scale=log: read on every route that shows charts, written after the indicator, linear never written', () => {
    for (const path of ['#/', '#/embed/high-tech', '#/present/tech-contracts', '#/sources/wuhu-2023']) {
      const r = parseView(`${path}?scale=log&lang=en&indicator=tech_smes`);
      expect(r.notices, path).toEqual([]);
      expect(r.view.scale, path).toBe('log');
      expect(serialiseView(r.view), path).toBe(`${path}?lang=en&indicator=tech_smes&scale=log`);
    }
    expect(parseView('#/').view.scale).toBeNull();
    expect(serialiseView({ ...defaultView(), scale: null })).toBe('#/');
    expect(normaliseView({ ...defaultView(), scale: 'linear' as View['scale'] }).scale).toBeNull();
  });

  it('scale=<anything but log> is ignored with a visible notice, the axis linear', () => {
    for (const bad of ['linear', 'LOG', 'log10', '', '<script>', '__proto__']) {
      const r = parseView(`#/?cities=wuhu&scale=${encodeURIComponent(bad)}`);
      expect(r.view, bad).toEqual({ ...defaultView(), cities: ['wuhu'] });
      expect(r.notices, bad).toEqual([expect.objectContaining({ param: 'scale', raw: bad })]);
    }
  });

  it('leaves out what parseView would refuse', () => {
    const hostile: View = {
      ...defaultView(),
      route: 'embed',
      chart: 'pie' as View['chart'],
      cities: ['<script>', 'wuhu', 'wuhu'],
      indicator: '__proto__<',
      scale: 'linear' as View['scale'],
      mark: 'x',
      data: '<b>',
    };
    expect(serialiseView(hostile)).toBe('#/?cities=wuhu');
  });

  it('property: serialise -> parse round trip for valid views, with no notices', () => {
    fc.assert(
      fc.property(validView, (v) => {
        const hash = serialiseView(v);
        const back = parseView(hash);
        expect(back.notices).toEqual([]);
        expect(back.view).toEqual(normaliseView(v));
        expect(back.view).toEqual(v);
        expect(serialiseView(back.view)).toBe(hash);
      }),
      { numRuns: 500 },
    );
  });
});

describe('restrictView', () => {
  const known = {
    cities: new Set(['wuhu', 'fuzhou']),
    indicators: new Set(['rd_intensity']),
    sources: new Set(['wuhu-2023']),
  };

  it('keeps known ids, drops unknown ones with a notice each, never mutates the input', () => {
    const v: View = { ...defaultView(), cities: ['wuhu', 'nowhere', 'fuzhou'], indicator: 'gdp' };
    const r = restrictView(v, known);
    expect(r.view.cities).toEqual(['wuhu', 'fuzhou']);
    expect(r.view.indicator).toBeNull();
    expect(r.notices.map((n) => [n.param, n.raw])).toEqual([
      ['cities', 'nowhere'],
      ['indicator', 'gdp'],
    ]);
    expect(v.cities).toEqual(['wuhu', 'nowhere', 'fuzhou']);
  });

  it('falls back to the default selection when no city is known', () => {
    const r = restrictView({ ...defaultView(), cities: ['constructor', '__proto__'] }, known);
    expect(r.view.cities).toBeNull();
    expect(r.notices).toHaveLength(2);
  });

  it('sends an unknown source to the dashboard', () => {
    const r = restrictView({ ...defaultView(), route: 'source', source: 'nope', mark: 'x' }, known);
    expect(r.view).toMatchObject({ route: 'dashboard', source: null, mark: null });
    expect(r.notices).toHaveLength(1);
    const ok = restrictView({ ...defaultView(), route: 'source', source: 'wuhu-2023' }, known);
    expect(ok.notices).toEqual([]);
  });
});

describe('URL migrations: a link shared today opens next year', () => {
  it('lists every migration, oldest first, each with its own test here', () => {
    expect(URL_MIGRATIONS.map((m) => m.name)).toEqual(['dataPlusSigns', 'markToOwnScope']);
  });

  it("markToOwnScope: a source link to Wuhu's 2024 ceiling, filed before it had its own id, opens it", () => {
    expect(
      parseView('#/sources/001_bf8fc6d553621b5e?mark=wuhu-challenge_projects-2024-target').view.mark,
    ).toBe('wuhu-challenge_projects_major_engineering-2024-target');
    const other: HashLink = { path: '/sources/x', query: [['mark', 'wuhu-challenge_projects-2023-actual']] };
    expect(markToOwnScope(other)).toBe(other);
  });

  it('dataPlusSigns: data= carried with its + signs unescaped (read as spaces) gets them back', () => {
    expect(
      dataPlusSigns({
        path: '/',
        query: [
          ['lang', 'en'],
          ['data', 'N4Ig a b'],
        ],
      }),
    ).toEqual({
      path: '/',
      query: [
        ['lang', 'en'],
        ['data', 'N4Ig+a+b'],
      ],
    });
    const untouched: HashLink = {
      path: '/embed/high-tech',
      query: [
        ['data', 'N4Iga'],
        ['cities', 'a b'],
      ],
    };
    expect(dataPlusSigns(untouched)).toBe(untouched);
    // in a whole link: '+' as written, or escaped, reads the same
    expect(parseView('#/?data=ab+c$d-').view.data).toBe('ab+c$d-');
    expect(parseView('#/?data=ab%2Bc$d-').view.data).toBe('ab+c$d-');
  });

  it('runs the migrations in order, before the link is read', () => {
    const seen: string[] = [];
    const first: UrlMigration = (l) => (seen.push('first'), { ...l, path: '/present' });
    const second: UrlMigration = (l) => (seen.push(`second saw ${l.path}`), l);
    expect(migrateLink({ path: '/', query: [] }, [first, second])).toEqual({ path: '/present', query: [] });
    expect(seen).toEqual(['first', 'second saw /present']);
    expect(migrateLink({ path: '/x', query: [['a', 'b']] }, [])).toEqual({ path: '/x', query: [['a', 'b']] });
  });
});

describe('route rules', () => {
  it('read a row key with a masked year (y+1) as a mark', () => {
    const r = parseView('#/sources/004_1546186363c61f01?mark=x_region-rd_intensity-y%2B1-target');
    expect(r.notices).toEqual([]);
    expect(r.view.mark).toBe('x_region-rd_intensity-y+1-target');
  });

  it('take a chart id in the path of embeds and presentations, a source id in a report’s', () => {
    expect(serialiseView({ ...defaultView(), route: 'present', chart: null })).toBe(
      `#/present/${CHART_IDS[0]}`,
    );
    expect(serialiseView({ ...defaultView(), route: 'source', source: null })).toBe('#/');
    expect(parseView('#/sources/wuhu-2023/extra').notices).toEqual([
      expect.objectContaining({ param: 'route', raw: 'extra' }),
    ]);
  });
});
