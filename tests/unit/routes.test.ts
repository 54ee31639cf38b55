// Every link the app writes comes from routes.ts: it keeps the reader's language and the rest of the view's
// dashboard parameters (cities, indicator, scale, plan years, background, shared data), and parseView reads
// it back as the view it was written for, without a notice.
import { describe, expect, it } from 'vitest';
import { HEADLINE_CHARTS } from '../../src/lib/charts/registry';
import { rowKey } from '../../src/lib/data/dataset';
import {
  dashboardHref,
  embedHref,
  href,
  liveLink,
  type LinkContext,
  presentHref,
  reportHref,
  sourceHref,
} from '../../src/lib/url/routes';
import { defaultView, parseView, type View } from '../../src/lib/url/url';
import { input, obs } from './helpers';

const tooltipOf = (m: { option: unknown }) =>
  (m.option as { tooltip: { formatter: (p: unknown) => string } }).tooltip.formatter;

describe('links from chart marks', () => {
  it('keep the reader’s language: an English tooltip opens the source sentence in English', async () => {
    const ref = 'wuhu-rd_intensity-2022-actual';
    const en = tooltipOf(HEADLINE_CHARTS['rd-intensity'].build(await input({ lang: 'en' })))({
      data: { ref },
    });
    expect(en).toContain(`href="#/sources/001_bf8fc6d553621b5e?lang=en&amp;mark=${ref}"`);
    const zh = tooltipOf(HEADLINE_CHARTS['rd-intensity'].build(await input({ lang: 'zh' })))({
      data: { ref },
    });
    expect(zh).toContain(`href="#/sources/001_bf8fc6d553621b5e?mark=${ref}"`);
  });

  it('open the sentence they name, in the language they were written in, for every curated row', async () => {
    const { data } = await input();
    for (const o of data.curatedRows)
      for (const lang of ['zh', 'en'] as const) {
        const link = sourceHref(o, { lang });
        const { view, notices } = parseView(link);
        expect(notices, link).toEqual([]);
        expect(view).toEqual({ ...defaultView(), route: 'source', source: o.source, mark: rowKey(o), lang });
      }
  });

  it('a masked year’s row (y+1) keeps its mark', () => {
    const o = obs({ city: 'x_region', indicator: 'rd_intensity', period: 'Y+1', value: 3, kind: 'target' });
    const link = sourceHref({ ...o, source: '004_1546186363c61f01' }, { lang: 'en' });
    expect(link).toBe('#/sources/004_1546186363c61f01?lang=en&mark=x_region-rd_intensity-y%2B1-target');
    expect(parseView(link).view.mark).toBe('x_region-rd_intensity-y+1-target');
  });

  it('keep the view: a tooltip built with the view as its link opens the sentence with the same cities', async () => {
    const ref = 'wuhu-rd_intensity-2022-actual';
    const link = { ...defaultView(), lang: 'en' as const, cities: ['wuhu', 'fuzhou'], scale: 'log' as const };
    const html = tooltipOf(HEADLINE_CHARTS['rd-intensity'].build(await input({ lang: 'en', link })))({
      data: { ref },
    });
    expect(html).toContain(
      `href="#/sources/001_bf8fc6d553621b5e?lang=en&amp;cities=wuhu,fuzhou&amp;scale=log&amp;mark=${ref}"`,
    );
  });

  it('an uploaded row has no source page to open', () => {
    const o = obs({ city: 'u-x', indicator: 'u_y', period: '2022', value: 1, source: 'upload:abc' });
    expect(sourceHref(o, { lang: 'en' })).toBe('');
  });

  it("an uploaded report's row opens the report's text at its sentence, keeping the view", () => {
    const o = obs({
      city: 'u-x',
      indicator: 'rd_intensity',
      period: '2023',
      value: 2.5,
      source: 'upload:report-k1',
    });
    expect(sourceHref(o, { lang: 'en', cities: ['u-x', 'wuhu'] })).toBe(
      '#/sources/report-k1?lang=en&cities=u-x,wuhu&mark=u-x-rd_intensity-2023-actual',
    );
  });
});

describe('the route builders', () => {
  const view: View = {
    ...defaultView(),
    lang: 'en',
    cities: ['wuhu', 'fuzhou'],
    indicator: 'tech_smes',
    scale: 'log',
  };

  it('write each page in the reader’s language', () => {
    expect(dashboardHref({ lang: 'zh' })).toBe('#/');
    expect(dashboardHref({ lang: 'en' })).toBe('#/?lang=en');
    expect(reportHref('wuhu-2023', { lang: 'zh' })).toBe('#/sources/wuhu-2023');
    expect(reportHref('wuhu-2023', { lang: 'en' })).toBe('#/sources/wuhu-2023?lang=en');
  });

  it('keep the view’s dashboard parameters on the way to a report and back, and nothing else of it', () => {
    const full: View = {
      ...defaultView(),
      route: 'embed',
      chart: 'plan-targets',
      page: 2,
      lang: 'en',
      cities: ['wuhu', 'fuzhou'],
      indicator: 'tech_smes',
      scale: 'log',
      plan: ['2024', 'Y+1'],
      bg: 'white',
      data: 'N4Ig+a$b',
    };
    const query = 'lang=en&cities=wuhu,fuzhou&indicator=tech_smes&scale=log&plan=2024,Y%2B1';
    const o = obs({
      city: 'wuhu',
      indicator: 'rd_intensity',
      period: '2022',
      value: 3.76,
      source: 'wuhu-2023',
    });
    const toSource = sourceHref(o, full);
    expect(toSource).toBe(
      `#/sources/wuhu-2023?${query}&mark=wuhu-rd_intensity-2022-actual&bg=white&data=N4Ig%2Ba$b`,
    );
    expect(reportHref('wuhu-2023', full)).toBe(`#/sources/wuhu-2023?${query}&bg=white&data=N4Ig%2Ba$b`);
    // The report page's view, as parseView reads it, gives the way back: the dashboard with the same parameters.
    const source = parseView(toSource);
    expect(source.notices).toEqual([]);
    const back = dashboardHref(source.view);
    expect(back).toBe(`#/?${query}&bg=white&data=N4Ig%2Ba$b`);
    const dashboard = parseView(back);
    expect(dashboard.notices).toEqual([]);
    expect(dashboard.view).toEqual({ ...full, route: 'dashboard', chart: null, page: null });
    // A presentation's back link (its view) keeps them too; explicitly no city stays no city.
    const present: View = { ...full, route: 'present', chart: 'rd-intensity' };
    expect(dashboardHref(present)).toBe(back);
    expect(dashboardHref({ lang: 'zh', cities: [] })).toBe('#/?cities=');
  });

  it('take read-only lists (a chart’s input) and leave out what a link may not carry', () => {
    const cities: readonly string[] = Object.freeze(['wuhu']);
    expect(dashboardHref({ lang: 'zh', cities, plan: null, scale: null })).toBe('#/?cities=wuhu');
    expect(cities).toEqual(['wuhu']);
    const odd = { lang: 'en', cities: ['<b>', 'wuhu'], scale: 'linear', bg: 'red' } as unknown as View;
    expect(dashboardHref(odd)).toBe('#/?lang=en&cities=wuhu');
  });

  it('carry the whole view into embeds, presentations and permalinks', () => {
    expect(href(view)).toBe('#/?lang=en&cities=wuhu,fuzhou&indicator=tech_smes&scale=log');
    expect(embedHref(view, 'high-tech')).toBe(
      '#/embed/high-tech?lang=en&cities=wuhu,fuzhou&indicator=tech_smes&scale=log',
    );
    expect(presentHref({ ...view, route: 'source', source: 'wuhu-2023', mark: 'x' }, 'rd-intensity')).toBe(
      '#/present/rd-intensity?lang=en&cities=wuhu,fuzhou&indicator=tech_smes&scale=log',
    );
    for (const link of [href(view), embedHref(view, 'plan-targets'), presentHref(view, 'tech-contracts')])
      expect(parseView(link).notices).toEqual([]);
  });
});

describe('liveLink', () => {
  it('reads the view each time a link is written, not when it was made', () => {
    let view: LinkContext = { lang: 'zh', cities: ['wuhu'] };
    const link = liveLink(() => view);
    view = { lang: 'en', cities: ['wuhu', 'fuzhou'], scale: 'log' };
    expect({ ...link }).toMatchObject({ lang: 'en', cities: ['wuhu', 'fuzhou'], scale: 'log' });
    expect(dashboardHref(link)).toBe('#/?lang=en&cities=wuhu,fuzhou&scale=log');
  });
});
