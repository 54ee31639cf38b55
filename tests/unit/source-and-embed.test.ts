import { describe, expect, it } from 'vitest';
import { highlightQuotes } from '../../src/lib/data/highlight';
import { clampHeight, iframeSnippet } from '../../src/lib/export/embedSnippet';
import { formatValue, periodLabel } from '../../src/lib/i18n/format';

describe('source view highlighting', () => {
  it('finds a quote across line breaks and spaces in the report, as the data check does', () => {
    const text = '全社会研发经费投入占GDP比重达\n3.76%，位居长三角第6位';
    const segs = highlightQuotes(text, [{ quote: '占GDP比重达3.76%', key: 'k' }]);
    const marked = segs
      .filter((s) => s.keys.includes('k'))
      .map((s) => s.text)
      .join('');
    expect(marked).toBe('占GDP比重达\n3.76%');
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });

  it('marks a passage that two rows came from with both rows', () => {
    const segs = highlightQuotes('分别突破2000家、3000家', [
      { quote: '突破2000家', key: 'a' },
      { quote: '分别突破2000家、3000家', key: 'b' },
    ]);
    expect(segs.find((s) => s.text.includes('2000'))?.keys.sort()).toEqual(['a', 'b']);
  });
});

describe('iframe snippet', () => {
  it('clamps absurd heights and ignores non-numbers', () => {
    expect(clampHeight(1e9)).toBe(2000);
    expect(clampHeight(5)).toBe(200);
    expect(clampHeight('600')).toBeNull();
    expect(clampHeight(NaN)).toBeNull();
  });

  it('escapes the URL and title into attributes and listens only to its own iframe', () => {
    const s = iframeSnippet('https://x/#/embed/rd-intensity?a="><script>', 'cst-rd-intensity', '研发<b>');
    expect(s).toContain('src="https://x/#/embed/rd-intensity?a=&quot;&gt;&lt;script&gt;"');
    expect(s).toContain('title="研发&lt;b&gt;"');
    expect(s).toContain('e.source!==f.contentWindow');
  });

  it('the snippet script resizes its iframe from its own messages only', () => {
    const script = /<script>(.*)<\/script>/s.exec(iframeSnippet('u', 'cst-x', 't'))?.[1] ?? '';
    const frame = { contentWindow: {}, style: { height: '480px' } };
    let listener: ((e: unknown) => void) | undefined;
    const win = { addEventListener: (_: string, fn: (e: unknown) => void) => (listener = fn) };
    const doc = { getElementById: () => frame };
    new Function('window', 'document', script)(win, doc);
    listener?.({ source: {}, data: { type: 'cst-embed-height', height: 5 } });
    expect(frame.style.height).toBe('480px');
    listener?.({ source: frame.contentWindow, data: { type: 'cst-embed-height', height: 1e9 } });
    expect(frame.style.height).toBe('2000px');
    listener?.({ source: frame.contentWindow, data: { type: 'cst-embed-height', height: 612.4 } });
    expect(frame.style.height).toBe('612px');
  });
});

describe('numbers and periods in the reader’s language', () => {
  const units = new Map([
    ['100m CNY', { id: '100m CNY', zh: '亿元', en: '100m CNY' }],
    ['%', { id: '%', zh: '%', en: '%' }],
  ]);
  it('writes 亿元 in Chinese and "100m CNY" in English, with grouping', () => {
    expect(formatValue(1234.5, '=', '100m CNY', 'zh', units)).toBe('1,234.5亿元');
    expect(formatValue(1234.5, '=', '100m CNY', 'en', units)).toBe('1,234.5 100m CNY');
  });
  it('keeps a lower bound visible and a masked value masked', () => {
    expect(formatValue(2000, '>=', '%', 'zh', units)).toBe('≥2,000%');
    expect(formatValue(null, '=', '%', 'zh', units)).toBe('原文已遮蔽');
    expect(formatValue(null, '=', '%', 'en', units)).toBe('masked in source');
  });
  it('labels a first half as such', () => {
    expect(periodLabel('2020-H1', 'zh')).toBe('2020年上半年');
    expect(periodLabel('2020-H1', 'en')).toBe('2020 H1');
    expect(periodLabel('', 'en')).toBe('year masked');
  });
});
