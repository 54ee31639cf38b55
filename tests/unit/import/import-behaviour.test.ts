import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importText, MAX_ISSUES_PER_SEVERITY, type ImportSuccess } from '../../../src/lib/import/index';
import { importSteps, runSteps } from '../../../src/lib/import/engine';
import { context, fixture, INDICATORS, PLACES } from '../../fixtures/upload/context';

function ok(text: string, fileName = 'upload.csv'): ImportSuccess {
  const r = importText(text, context(fileName));
  if (!r.ok) throw new Error(`refused: ${r.message.en}`);
  return r;
}

const HEADER = '城市,指标,年份,数值,单位,比较,类型,备注\n';

describe('rows', () => {
  it('normalise into the Observation shape: source upload:<datasetId>, quote = the raw cell, kind actual', () => {
    const r = ok(HEADER + '芜湖,研发经费投入强度,2022, 3.10 ,%,,,\n');
    expect(r.rows).toEqual([
      {
        city: 'wuhu',
        indicator: 'rd_intensity',
        period: '2022',
        value: 3.1,
        unit: '%',
        comparator: '=',
        kind: 'actual',
        status: 'reported',
        source: 'upload:test',
        quote: ' 3.10 ',
        note: '',
      },
    ]);
    expect(Array.from(r.lines)).toEqual([2]);
  });

  it('reads the kind column: 目标/计划 are targets, 参考 is a reference, an unknown kind is a row error', () => {
    const r = ok(
      HEADER +
        '芜湖,研发经费投入强度,2025,3.5,%,,目标,\n' +
        '芜湖,研发经费投入强度,2026,3.6,%,,计划,\n' +
        '中国,研发经费投入强度,2022,2.54,%,,参考,\n' +
        '芜湖,研发经费投入强度,2023,3.3,%,,reference,\n' +
        '芜湖,研发经费投入强度,2024,3.4,%,,也许,\n',
    );
    expect(r.rows.map((o) => [o.city, o.kind])).toEqual([
      ['wuhu', 'target'],
      ['wuhu', 'target'],
      ['china', 'reference'],
      ['wuhu', 'reference'],
    ]);
    expect(r.issues).toMatchObject([
      { line: 6, column: '类型', severity: 'error', code: 'bad-kind', raw: '也许' },
    ]);
  });

  it('reads the comparator column, and refuses a cell qualifier that contradicts it', () => {
    const r = ok(
      HEADER +
        '芜湖,高新技术企业数,2022,2000,家,突破,,\n' +
        '芜湖,高新技术企业数,2021,约1800,家,,,\n' +
        '芜湖,高新技术企业数,2020,约1500,家,>=,,\n' +
        '芜湖,高新技术企业数,2019,1200,家,??,,\n',
    );
    expect(r.rows.map((o) => [o.period, o.comparator])).toEqual([
      ['2022', '>='],
      ['2021', '~'],
    ]);
    expect(r.issues.map((i) => [i.line, i.severity, i.code])).toEqual([
      [3, 'warning', 'qualifier'],
      [4, 'error', 'conflicting-qualifier'],
      [5, 'error', 'bad-comparator'],
    ]);
  });

  it('takes the unit of a new indicator from its unit column and converts later rows to it', () => {
    const r = ok(
      HEADER +
        '芜湖,专利授权量,2021,1.2,万件,,,\n' +
        '芜湖,专利授权量,2022,15000,件,,,\n' +
        '芜湖,专利授权量,2023,3%,,,,\n',
    );
    expect(r.indicators).toHaveLength(1);
    expect(r.indicators[0]).toMatchObject({ zh: '专利授权量', unit: '万件' });
    expect(r.rows.map((o) => [o.value, o.unit])).toEqual([
      [1.2, '万件'],
      [1.5, '万件'],
    ]);
    expect(r.issues.map((i) => [i.line, i.code])).toEqual([
      [3, 'unit-converted'],
      [4, 'percent-not-allowed'],
    ]);
  });

  it('takes the unit of a new indicator from brackets in its name, or from its first value', () => {
    const r = ok(
      HEADER +
        '芜湖,高新技术产业增加值占比（%）,2022,45.2,,,,\n' +
        '芜湖,新兴产业占比,2022,38.5%,,,,\n' +
        '芜湖,新兴产业占比,2023,40,,,,\n',
    );
    expect(r.indicators.map((d) => [d.zh, d.unit])).toEqual([
      ['高新技术产业增加值占比（%）', '%'],
      ['新兴产业占比', '%'],
    ]);
    expect(r.rows.map((o) => [o.value, o.unit])).toEqual([
      [45.2, '%'],
      [38.5, '%'],
      [40, '%'],
    ]);
  });

  it('never changes the indicator and place lists it was given', () => {
    const before = JSON.stringify([INDICATORS, PLACES]);
    ok(HEADER + '新城,新指标,2022,1,万元,,,\n芜湖,研发经费（万元）,2022,5,,,,\n');
    expect(JSON.stringify([INDICATORS, PLACES])).toBe(before);
  });

  it('treats __proto__, constructor and toString in data cells as plain names, merging nothing into prototypes', () => {
    const r = ok(
      HEADER +
        '__proto__,constructor,2022,1,,,,\ntoString,__proto__,2022,2,,,,\nhasOwnProperty,prototype,2022,3,,,,\n',
    );
    expect(r.places.map((p) => p.zh)).toEqual(['__proto__', 'toString', 'hasOwnProperty']);
    expect(r.indicators.map((d) => d.zh)).toEqual(['constructor', '__proto__', 'prototype']);
    expect(r.rows.map((o) => o.value)).toEqual([1, 2, 3]);
    for (const o of r.rows) expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(typeof ({} as { toString: unknown }).toString).toBe('function');
  });

  it('keeps a masked year as an empty period, with a warning', () => {
    const r = ok(HEADER + '芜湖,研发经费投入强度,20xx,3.1,%,,,\n');
    expect(r.rows[0]).toMatchObject({ period: '', value: 3.1 });
    expect(r.issues[0]).toMatchObject({ line: 2, code: 'masked-period', severity: 'warning' });
  });

  it('merges several caveats on one record into one warning', () => {
    const r = ok(HEADER + '芜湖,全社会研发经费投入,20xx,约12.5亿,,,,\n');
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.code).toBe('masked-period,qualifier,unit-converted');
    expect(r.counts.warned).toBe(1);
  });

  it("accepts Excel's trailing empty columns and CRLF line ends without leaking \\r into values", () => {
    const r = ok(
      '城市,指标,年份,数值,,\r\n芜湖,研发经费投入强度,2022,3.1,,\r\n芜湖,研发经费投入强度,2023,3.3\r\n',
    );
    expect(r.rows.map((o) => o.quote)).toEqual(['3.1', '3.3']);
    expect(r.issues).toEqual([]);
  });

  it('reads old Mac files separated by bare CR', () => {
    expect(ok('城市,指标,年份,数值\r芜湖,研发经费投入强度,2022,3.1\r').rows).toHaveLength(1);
  });

  it('reports unused columns once, at the header line', () => {
    const r = ok('序号,城市,指标,年份,数值\n1,芜湖,研发经费投入强度,2022,3.1\n');
    expect(r.issues).toMatchObject([
      { line: 1, column: '序号', severity: 'warning', code: 'column-ignored' },
    ]);
    expect(r.rows).toHaveLength(1);
  });

  it('in a wide table, a bad cell rejects that cell only and names its year column', () => {
    const r = ok('城市,指标,2021年,2022年\n芜湖,研发经费投入强度,abc,3.3\n');
    expect(r.rows.map((o) => [o.period, o.value])).toEqual([['2022', 3.3]]);
    expect(r.issues).toMatchObject([{ line: 2, column: '2021年', severity: 'error', code: 'not-a-number' }]);
    expect(r.issues[0]!.message.zh).toContain('该单元格未导入');
  });

  it('takes the city from the file name, the indicator from the title, and the year from the title when columns are missing', () => {
    const byFile = ok('指标,2021,2022\n研发经费投入强度,3.1,3.3\n', 'Wuhu 2022.csv');
    expect(byFile.rows.map((o) => o.city)).toEqual(['wuhu', 'wuhu']);
    expect(byFile.issues[0]).toMatchObject({ line: 0, code: 'city-from-title' });

    const byTitle = ok('2022年各市研发经费投入强度\n城市,2021,2022\n芜湖,3.1,3.3\n');
    expect(byTitle.rows.map((o) => o.indicator)).toEqual(['rd_intensity', 'rd_intensity']);

    const year = ok('芜湖市2022年科技指标\n城市,指标,数值\n芜湖,研发经费投入强度,3.3\n');
    expect(year.rows[0]).toMatchObject({ period: '2022', value: 3.3 });
    expect(year.issues.map((i) => i.code)).toContain('period-from-title');

    const none = importText('城市,数值\n芜湖,3\n', context());
    expect(none).toMatchObject({ ok: false, code: 'missing-column' });
  });

  it('every issue message is bilingual and names its line', () => {
    const r = ok(
      HEADER +
        '芜湖,研发经费投入强度,2022,abc,%,,,\n,研发经费投入强度,2022,1,%,,,\n芜湖,,2022,1,%,,,\n芜湖,研发经费投入强度,22,1,%,,,\n',
    );
    expect(r.issues.map((i) => i.code)).toEqual([
      'not-a-number',
      'missing-city',
      'missing-indicator',
      'bad-period',
    ]);
    for (const i of r.issues) {
      expect(i.message.zh).toMatch(new RegExp(`^第${i.line}行`));
      expect(i.message.en).toMatch(new RegExp(`^Line ${i.line}`));
    }
  });
});

describe('large and hostile files', () => {
  it('caps the issue list at 1000 per severity while keeping the totals exact', () => {
    const lines = [HEADER];
    for (let i = 0; i < 2500; i++) lines.push(`芜湖,研发经费投入强度,2022,bad${i},%,,,\n`);
    for (let i = 0; i < 1500; i++) lines.push(`芜湖,研发经费投入强度,2022,x,%,,,\n`);
    const r = ok(lines.join(''));
    expect(r.counts).toEqual({ imported: 1500, rejected: 2500, warned: 1500 });
    expect(r.issues.filter((i) => i.severity === 'error')).toHaveLength(MAX_ISSUES_PER_SEVERITY);
    expect(r.issues.filter((i) => i.severity === 'warning')).toHaveLength(MAX_ISSUES_PER_SEVERITY);
    expect(r.issues[0]!.line).toBe(2);
  });

  it('reports progress from 0 to 1, in order', () => {
    const body = '芜湖,研发经费投入强度,2022,3.1,%,,,\n'.repeat(40_000);
    const seen: number[] = [];
    const r = importText(HEADER + body, context(), (f) => seen.push(f));
    expect(r.ok).toBe(true);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
  });

  it('a cell longer than a parse chunk is read whole', () => {
    const note = '长'.repeat(600_000);
    const r = ok(
      HEADER + `芜湖,研发经费投入强度,2022,3.1,%,,,"${note}"\n芜湖,研发经费投入强度,2023,oops,%,,,\n`,
    );
    expect(r.rows[0]!.note).toHaveLength(600_000);
    expect(r.issues[0]).toMatchObject({ line: 3, code: 'not-a-number' });
  });

  it('parsing in small chunks gives the same rows, lines and issues as parsing at once', () => {
    const texts = [
      'multiline-quoted.csv',
      'cells.csv',
      'hostile-names.csv',
      'field-count.csv',
      'single-city-title.csv',
    ].map((n) => new TextDecoder().decode(fixture(n)));
    const run = (t: string, chunk: number) => {
      const c = runSteps(importSteps(t, context(), 'x', chunk));
      if (!c.ok) return c;
      return {
        quotes: c.columns.quote,
        lines: Array.from(c.columns.line.slice(0, c.columns.n)),
        issues: c.issues,
      };
    };
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.integer({ min: 1, max: 200 }), (t, chunk) => {
        expect(run(t, chunk)).toEqual(run(t, 1 << 20));
      }),
      { numRuns: 60 },
    );
  });

  it('gives every row its physical line, whatever multi-line quoted cells, line ends and chunk sizes', () => {
    const cell = fc.oneof(
      fc.constant(''),
      fc.stringMatching(/^[a-z芜湖 ]{1,8}$/),
      fc
        .array(fc.stringMatching(/^[a-z芜湖,"]{0,6}$/), { minLength: 2, maxLength: 4 })
        .map((parts) => parts.join('\n')),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, fc.integer({ min: 0, max: 999 })), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 300 }),
        (records, crlf, chunk) => {
          let text = '城市,指标,年份,数值,备注\n';
          const expected: number[] = [];
          for (const [note, v] of records) {
            expected.push(text.split('\n').length);
            const quoted = note === '' ? '' : `"${note.replace(/"/g, '""')}"`;
            text += `芜湖,研发经费投入强度,2022,${v},${quoted}\n`;
          }
          if (crlf) text = text.replace(/\n/g, '\r\n');
          const c = runSteps(importSteps(text, context(), 'x', chunk));
          expect(c.ok).toBe(true);
          if (!c.ok) return;
          expect(Array.from(c.columns.line.slice(0, c.columns.n))).toEqual(expected);
          expect(c.issues).toEqual([]);
          const notes = c.columns.note.slice(0, c.columns.n);
          for (let i = 0; i < records.length; i++) {
            const want = records[i]![0].trim();
            const got = c.columns.strings[notes[i]!]!;
            expect(got.replace(/\r\n/g, '\n')).toBe(want);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const r = importText('城市,指标,年份,数值\n' + s, context());
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('"', ',', '\n', '\r', '芜湖', '1', 'x', ';', '\t', ' '), { maxLength: 60 }),
        (parts) => {
          const r = importText('城市,指标,年份,数值\n' + parts.join(''), context());
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses text over the size limit before parsing', () => {
    expect(importText('城市,数值\n', context('x.csv', { maxBytes: 5 }))).toMatchObject({
      ok: false,
      code: 'too-large',
    });
  });
});

describe('what an uploaded indicator measures', () => {
  it('is guessed from its unit and name, and an old record without one gets the guess', async () => {
    const { guessMeasure, measureOr } = await import('../../../src/lib/data/measure');
    expect(guessMeasure('高新技术企业数', '家')).toBe('stock');
    expect(guessMeasure('新增高新技术企业', '家')).toBe('flow');
    expect(guessMeasure('技术合同成交额', '亿元')).toBe('flow');
    expect(guessMeasure('研发投入强度', '%')).toBe('ratio');
    expect(guessMeasure('技术合同成交额增长率', '%')).toBe('change');
    expect(guessMeasure('研发强度较上年提高', '个百分点')).toBe('change');
    expect(guessMeasure('城市创新能力排名', '')).toBe('rank');
    expect(measureOr('flow', '专利授权量', '件')).toBe('flow');
    expect(measureOr(undefined, '专利授权量', '件')).toBe('stock');
    expect(measureOr('level', '新增专利', '件')).toBe('flow');
  });

  it('is set on the indicators an upload creates, once their unit is known', () => {
    const r = importText(
      '城市,指标,年份,数值,单位\n芜湖,专利授权占比,2022,12.5,%\n芜湖,新增专利授权量,2022,10,件\n',
      context('a.csv'),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.indicators.map((d) => [d.zh, d.measure])).toEqual([
      ['专利授权占比', 'ratio'],
      ['新增专利授权量', 'flow'],
    ]);
  });
});
