// The typed catalogues: a message exists in both languages with the same parameters, or the type check fails
// (`tsc -p tsconfig.node.json` reads the @ts-expect-error lines below); both() gives lib code the two at once.
import { describe, expect, it } from 'vitest';
import { catalogue, type Twin } from '../../src/lib/i18n/catalogue';
import { both, t } from '../../src/lib/i18n/messages';
import * as importText from '../../src/lib/i18n/importMessages';
import * as onDemand from '../../src/lib/i18n/onDemandMessages';

const zh = {
  title: '标题',
  line: (p: { n: number }) => `第 ${p.n} 行`,
  where: (p: { from: string; n: number }) => `${p.from}第 ${p.n} 行`,
};
const en: Twin<typeof zh> = {
  title: 'Title',
  line: (p) => `line ${p.n}`,
  where: (p) => `line ${p.n} of ${p.from}`,
};
const c = catalogue(zh, en);

describe('a catalogue', () => {
  it('says a message in one language, or in both for lib code that cannot know the reader’s', () => {
    expect(c.t('zh', 'title')).toBe('标题');
    expect(c.t('en', 'line', { n: 3 })).toBe('line 3');
    expect(c.both('line', { n: 3 })).toEqual({ zh: '第 3 行', en: 'line 3' });
  });

  it('gives each language its own side of a parameter that comes in both (a place, a Bilingual)', () => {
    const place = { id: 'wuhu', zh: '芜湖', en: 'Wuhu' };
    expect(c.both('where', { from: place, n: 2 })).toEqual({ zh: '芜湖第 2 行', en: 'line 2 of Wuhu' });
    expect(c.both('where', { from: 'x.csv', n: 2 })).toEqual({ zh: 'x.csv第 2 行', en: 'line 2 of x.csv' });
  });

  it('refuses, at type-check time, a message missing in a language or with other parameters', () => {
    const checks = [
      // @ts-expect-error English lacks a key
      () => catalogue(zh, { title: 'T', line: (p) => `${p.n}` }),
      // @ts-expect-error English has a key Chinese lacks
      () => catalogue(zh, { ...en, extra: 'x' }),
      // @ts-expect-error text where Chinese has a function
      () => catalogue(zh, { ...en, line: 'line' }),
      // @ts-expect-error a function where Chinese has text
      () => catalogue(zh, { ...en, title: () => 'Title' }),
      // @ts-expect-error a parameter of another type
      () => catalogue(zh, { ...en, line: (p: { n: string }) => p.n }),
      // @ts-expect-error a parameter Chinese does not give
      () => catalogue(zh, { ...en, line: (p: { n: number; m: string }) => p.m }),
      // @ts-expect-error a message's parameters left out
      () => c.t('zh', 'line'),
      // @ts-expect-error parameters for a text message
      () => c.t('zh', 'title', { n: 1 }),
      // @ts-expect-error an unknown key
      () => t('zh', 'noSuchMessage'),
      // @ts-expect-error a wrong parameter type in the UI catalogue
      () => t('en', 'line', { n: '3' }),
    ];
    expect(checks).toHaveLength(10);
  });
});

describe('the app’s catalogues', () => {
  it('UI: numbers of lines, notices, URL reasons', () => {
    expect(t('zh', 'line', { n: 3 })).toBe('第 3 行');
    expect(both('notice', { param: 'lang', reason: both('urlInvalid') })).toEqual({
      zh: 'lang: 取值无效，已忽略',
      en: 'lang: invalid value, ignored',
    });
    expect(both('urlTooMany', { max: 50 }).en).toBe('too many cities; only the first 50 are kept');
  });

  it('importer and on-demand messages load apart from the UI catalogue', () => {
    expect(importText.both('notANumber', { raw: 'abc' })).toEqual({
      zh: '“abc”不是数字',
      en: '"abc" is not a number',
    });
    expect(
      importText.both('unitDoesNotFit', {
        from: importText.both('unitColumn'),
        unit: '10k CNY',
        indicator: { zh: '研发经费', en: 'R&D' },
        target: '%',
      }),
    ).toEqual({
      zh: '“单位”列的单位“万元”与指标“研发经费”的单位“%”不符',
      en: 'the unit 10k CNY (unit column) does not fit the unit of "R&D" (%)',
    });
    expect(onDemand.t('en', 'deckFileName')).toBe('city-st-indicators.pptx');
  });
});
