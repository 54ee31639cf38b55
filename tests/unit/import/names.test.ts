import { describe, expect, it } from 'vitest';
import { PlaceRegistry, isTotalName } from '../../../src/lib/import/places';
import { IndicatorRegistry, userIndicatorId } from '../../../src/lib/import/indicators';
import { nameKey, stableHash } from '../../../src/lib/import/text';
import { INDICATORS, PLACES } from '../../fixtures/upload/context';

describe('matching city names to places', () => {
  it('芜湖, 芜湖市, Wuhu, WUHU and wuhu all mean the place wuhu', () => {
    const reg = new PlaceRegistry(PLACES);
    for (const name of ['芜湖', '芜湖市', ' 芜湖市 ', 'Wuhu', 'WUHU', 'wuhu', 'Wuhu City', '芜湖市　'])
      expect(reg.resolve(name)?.id).toBe('wuhu');
    expect(reg.created).toEqual([]);
  });

  it('prefers the prefecture-level city when a short name is shared with a province (吉林)', () => {
    const reg = new PlaceRegistry(PLACES);
    expect(reg.resolve('吉林')?.id).toBe('jilin_city');
    expect(reg.resolve('吉林省')?.id).toBe('jilin');
    expect(reg.resolve('吉林市')?.id).toBe('jilin_city');
  });

  it('maps 全国 to the one nation-level place', () => {
    expect(new PlaceRegistry(PLACES).resolve('全国')?.id).toBe('china');
  });

  it('keeps unknown names as new places named exactly as given, with stable ids', () => {
    const reg = new PlaceRegistry(PLACES);
    const hostile = [
      '<img src=x onerror=alert(1)>',
      '深圳{a|x}',
      '=HYPERLINK("http://x","y")',
      '+1+1',
      '@SUM(1)',
      '0700',
      '=1+1\nx',
    ];
    for (const name of hostile) {
      const p = reg.resolve(name)!;
      expect(p.zh).toBe(name);
      expect(p.en).toBe(name);
      expect(p.id).toMatch(/^u-[0-9a-z]+$/);
      expect(p.level).toBe('unnamed');
    }
    expect(reg.created.map((p) => p.zh)).toEqual(hostile);
    const again = new PlaceRegistry(PLACES);
    expect(again.resolve('深圳{a|x}')!.id).toBe(reg.resolve('深圳{a|x}')!.id);
    expect(reg.resolve('马鞍山市')!.id).not.toBe(reg.resolve('马鞍山县')!.id);
  });

  it('finds a known place named in a title line', () => {
    const reg = new PlaceRegistry(PLACES);
    expect(reg.findInText('芜湖市科技指标统计表')?.id).toBe('wuhu');
    expect(reg.findInText('2022 Wuhu science indicators')?.id).toBe('wuhu');
    expect(reg.findInText('主要科技指标')).toBeNull();
  });

  it('recognises total rows', () => {
    for (const n of ['合计', '总计', ' Total ', '小计']) expect(isTotalName(n)).toBe(true);
    expect(isTotalName('芜湖')).toBe(false);
  });
});

describe('matching indicator names', () => {
  it('maps aliases after NFKC, trimming, lower-casing and dropping brackets', () => {
    const reg = new IndicatorRegistry(INDICATORS);
    for (const name of [
      '研发经费投入强度',
      '研发投入强度（%）',
      ' 研发投入占GDP比重 ',
      'R&D Intensity',
      'r&d intensity (%)',
      '研发投入占ＧＤＰ比重',
      'rd_intensity',
    ])
      expect([name, reg.resolve(name)?.id]).toEqual([name, 'rd_intensity']);
    expect(reg.created).toEqual([]);
  });

  it("keeps unknown indicators as the user's own, named verbatim, id u_<hash>", () => {
    const reg = new IndicatorRegistry(INDICATORS);
    const def = reg.resolve('专利授权量（件）')!;
    expect(def).toMatchObject({ zh: '专利授权量（件）', en: '专利授权量（件）', charts: [] });
    expect(def.id).toBe(userIndicatorId('专利授权量（件）'));
    expect(def.id).toMatch(/^u_[0-9a-z]+$/);
    expect(reg.resolve('专利授权量')).toBe(def);
    expect(reg.isUser(def)).toBe(true);
    expect(reg.created).toEqual([def]);
  });

  it('does not change the known definitions it was given', () => {
    const before = JSON.stringify(INDICATORS);
    const reg = new IndicatorRegistry(INDICATORS);
    reg.resolve('研发经费（万元）');
    reg.resolve('新指标');
    expect(JSON.stringify(INDICATORS)).toBe(before);
  });

  it('finds a known indicator named in a title', () => {
    expect(new IndicatorRegistry(INDICATORS).findInText('2022年各市研发经费投入强度')?.id).toBe(
      'rd_intensity',
    );
  });
});

describe('text keys and ids', () => {
  it('normalises names for matching', () => {
    expect(nameKey(' 研发经费投入强度（%） ')).toBe('研发经费投入强度');
    expect(nameKey('指标　值')).toBe('指标值');
    expect(nameKey('（%）')).toBe('(%)');
  });

  it('hashes stably', () => {
    expect(stableHash('深圳{a|x}')).toBe('9ht1iksbx3');
    expect(stableHash('a')).not.toBe(stableHash('b'));
    expect(stableHash('a', 1)).not.toBe(stableHash('a'));
  });
});
