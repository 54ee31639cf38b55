import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/lib/import/decode';
import { fixture } from '../../fixtures/upload/context';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('decoding uploaded bytes', () => {
  it('decodes a GB18030 Excel export as GB18030, keeping four-byte characters', () => {
    const r = decodeBytes(fixture('gb18030-wide.csv'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.encoding).toBe('GB18030');
    expect(r.text.startsWith('城市,指标,单位,2020年')).toBe(true);
    expect(r.text).toContain('𠮷安县');
    expect(r.text).not.toContain('\ufffd');
  });

  it('drops the UTF-8 BOM so the first header is exactly 城市', () => {
    const r = decodeBytes(fixture('utf8-bom-long.csv'));
    expect(r.ok && r.encoding).toBe('UTF-8 (BOM)');
    if (!r.ok) return;
    expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(r.text.split(',')[0]).toBe('城市');
  });

  it('decodes UTF-16LE with a BOM (Excel "Unicode text")', () => {
    const r = decodeBytes(fixture('utf16le-bom-tab.txt'));
    expect(r.ok && r.encoding).toBe('UTF-16LE');
    if (!r.ok) return;
    expect(r.text.split('\t')[0]).toBe('城市');
  });

  it('decodes UTF-16BE with a BOM and UTF-16LE without one', () => {
    const be = new Uint8Array([0xfe, 0xff, 0x57, 0xce, 0x5e, 0x02, 0x00, 0x2c, 0x00, 0x31]);
    const r = decodeBytes(be);
    expect(r.ok && r.text).toBe('城市,1');
    const le = new Uint8Array(Buffer.from('city,value\r\n1,2\r\n', 'utf16le'));
    const r2 = decodeBytes(le);
    expect(r2.ok && r2.encoding).toBe('UTF-16LE (no BOM)');
    expect(r2.ok && r2.text).toBe('city,value\r\n1,2\r\n');
  });

  it('reads plain UTF-8 (and ASCII) as UTF-8', () => {
    const r = decodeBytes(new TextEncoder().encode('城市,数值\n芜湖,1\n'));
    expect(r).toEqual({ ok: true, text: '城市,数值\n芜湖,1\n', encoding: 'UTF-8' });
  });

  it('keeps a UTF-8 file with one stray byte as UTF-8 instead of turning it into GB18030 mojibake', () => {
    const good = new TextEncoder().encode(
      '城市,指标,年份,数值\n' + '芜湖,研发经费投入强度,2022,3.1\n'.repeat(20),
    );
    const b = new Uint8Array(good.length + 1);
    b.set(good);
    b[good.length] = 0xff;
    const r = decodeBytes(b);
    expect(r.ok && r.encoding).toBe('UTF-8 (invalid bytes replaced)');
    expect(r.ok && r.text.startsWith('城市,指标')).toBe(true);
  });

  it('does not decode a workbook as text, naming it a workbook (the importer reads it as one)', () => {
    const r = decodeBytes(fixture('renamed-xlsx.csv'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('xlsx');
    expect(r.message.zh).toContain('Excel 工作簿');
    expect(r.message.zh).not.toContain('另存为');
    expect(r.message.en).toMatch(/Excel workbook.*upload it as a workbook/i);
  });

  it('refuses an old .xls workbook', () => {
    const r = decodeBytes(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0));
    expect(!r.ok && r.code).toBe('xls');
  });

  it('refuses a PNG as not a table, naming it and what to upload instead', () => {
    const r = decodeBytes(fixture('image.png'));
    expect(!r.ok && r.code).toBe('binary');
    expect(!r.ok && r.message.zh).toContain('PNG');
    expect(!r.ok && r.message.en).toContain('not a table: upload an Excel workbook or a CSV file');
  });

  it('refuses other binary data (NUL bytes, control characters) as not a text table', () => {
    const r = decodeBytes(fixture('random.bin'));
    expect(!r.ok && r.code).toBe('binary');
    const controls = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 1 : 65));
    expect(decodeBytes(controls).ok).toBe(false);
  });

  it('does not decode an HTML page saved with a spreadsheet name as CSV text (the workbook reader reads its table)', () => {
    const r = decodeBytes(fixture('html-table.xls'));
    expect(!r.ok && r.code).toBe('html');
  });

  it('returns empty text for an empty file (the importer then says: no data rows)', () => {
    expect(decodeBytes(new Uint8Array(0))).toEqual({ ok: true, text: '', encoding: 'UTF-8' });
  });
});
