// Workbooks that lie about themselves: a zip whose declared sizes are not what it inflates to, a sheet whose
// dimension tag claims a million rows (or too few), a note that merely names an OLE stream, a percent sign that
// is only shown, and tables the importer must not mistake (key/value lines above a header, one column for two
// roles, no sheet that reads as a table by itself).
import { describe, expect, it } from 'vitest';
import { crc32, deflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { importAnyBytes, importText } from '../../../src/lib/import/index';
import { containerOf } from '../../../src/lib/import/workbook/container';
import { cellText } from '../../../src/lib/import/workbook/cellText';
import { context, fixture } from '../../fixtures/upload/context';

interface Entry {
  name: string;
  data: Uint8Array;
  /** Sizes written in the central directory / the local header instead of the true ones. */
  claim?: { directory?: number; local?: number };
}

/** A zip (deflated entries) written here, byte by byte, so that its headers can say what a test needs. */
function zip(entries: Entry[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = deflateRawSync(e.data);
    const crc = crc32(e.data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(e.claim?.local ?? e.data.length, 22);
    head.writeUInt16LE(name.length, 26);
    locals.push(head, name, packed);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(e.claim?.directory ?? e.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

/** long-basic.xlsx's parts, with the sheet's XML changed by `edit`. */
function basicWith(edit: (sheet: string) => string, claim?: Entry['claim']): Uint8Array {
  const z = XLSX.CFB.read(Buffer.from(fixture('workbooks/long-basic.xlsx')), { type: 'buffer' });
  const entries: Entry[] = [];
  z.FullPaths.forEach((path: string, i: number) => {
    const f = z.FileIndex[i]!;
    if (f.type !== 2 || path.includes('\u0001')) return;
    const name = path.replace(/^Root Entry\//, '');
    const data = new Uint8Array(f.content as unknown as ArrayLike<number>);
    if (name === 'xl/worksheets/sheet1.xml')
      entries.push({ name, data: new TextEncoder().encode(edit(new TextDecoder().decode(data))), claim });
    else entries.push({ name, data });
  });
  return zip(entries);
}

const load = (bytes: Uint8Array, extra = {}) => importAnyBytes(bytes, context('lying.xlsx', extra));

describe('workbooks that lie', () => {
  it('the zip written here is a workbook that imports (the helper itself is sound)', async () => {
    const r = await load(basicWith((x) => x));
    expect(r.ok && r.counts.imported).toBe(6);
  });

  it('refuses a zip whose entry header and directory disagree on the size, as damaged', async () => {
    const r = await load(basicWith((x) => x, { directory: 1000 }));
    expect(r).toMatchObject({ ok: false, code: 'damaged' });
  });

  it('refuses a zip that inflates past the limit though both its headers claim little', async () => {
    const padded = (x: string) => x.replace('</sheetData>', `</sheetData>${' '.repeat(3_000_000)}`);
    const r = await load(basicWith(padded, { directory: 1000, local: 1000 }), {
      maxInflatedBytes: 1_000_000,
    });
    expect(r).toMatchObject({ ok: false, code: 'inflated-too-large' });
    // The same bytes within a higher limit: not a bomb, only a liar, caught as damaged by the library or read.
    const ok = await load(basicWith(padded), { maxInflatedBytes: 10_000_000 });
    expect(ok.ok && ok.counts.imported).toBe(6);
  });

  it("reads every row whatever the sheet's dimension tag claims", async () => {
    for (const ref of ['A1:XFD1048576', 'A1:E4', 'A1:J1048576']) {
      const r = await load(basicWith((x) => x.replace(/<dimension ref="[^"]*"/, `<dimension ref="${ref}"`)));
      expect([ref, r.ok && r.counts.imported]).toEqual([ref, 6]);
    }
  });

  it('does not call a workbook protected because a cell names an OLE stream', () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const put = (at: number, name: string, asEntry: boolean) => {
      for (let k = 0; k < name.length; k++) ole[at + 2 * k] = name.charCodeAt(k);
      if (asEntry) [ole[at + 64], ole[at + 66]] = [2 * (name.length + 1), 2];
    };
    put(700, 'EncryptionInfo', false); // inside a cell's text, not a directory slot
    expect(containerOf(ole)).toEqual({ kind: 'ole' });
    put(512 + 3 * 128, 'EncryptedPackage', true);
    expect(containerOf(ole)).toEqual({ kind: 'protected' });
  });

  it('reads a percent sign that is only shown (in quotes or escaped) as text, not as ×100', () => {
    const dates = { isDate: () => false, ymd: () => null };
    expect(cellText({ t: 'n', v: 3.91, z: '0.00"%"' }, dates)).toBe('3.91');
    expect(cellText({ t: 'n', v: 3.91, z: '0.00\\%' }, dates)).toBe('3.91');
    expect(cellText({ t: 'n', v: 0.0391, z: '0.00%' }, dates)).toBe('3.91%');
  });
});

describe('tables the importer must not mistake', () => {
  it('looks past key/value lines above the table for the header that gives a layout', () => {
    const r = importText(
      '指标,研发经费投入强度\n单位,%\n城市,2021,2022\n芜湖,3.48,3.76\n福州,2.8,3.0\n',
      context(),
    );
    expect(r.ok && [r.headerLine, r.layout, r.counts.imported]).toEqual([3, 'wide', 4]);
  });

  it('refuses a mapping that gives one column two parts', () => {
    const r = importText('地方,科目,时点,量\n芜湖,研发经费投入强度,2022,3.1\n', {
      ...context(),
      mapping: { headerLine: 1, city: 0, indicator: 0, period: 2, value: 3, unit: -1 },
    });
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.message.zh).toContain('第1列不能既是“城市”又是“指标”');
  });

  it('offers every filled sheet when none reads as a table, and a mapping then re-reads the sheet chosen', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([['芜湖市科技统计资料'], ['编制：科技局']]),
      '封面',
    );
    const table = [
      ['名称', '科目', '统计期', '数额'],
      ['芜湖', '研发经费投入强度', 2022, 3.76],
    ];
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(table), '数据');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const ask = await importAnyBytes(bytes, context('odd.xlsx'));
    expect(ask).toMatchObject({ ok: false, code: 'choose-sheet' });
    if (ask.ok) return;
    expect(ask.sheets?.map((s) => s.name)).toEqual(['封面', '数据']);
    const chosen = await importAnyBytes(bytes, context('odd.xlsx', { sheet: '数据' }));
    // The refusal names its sheet, so the mapping step re-reads that one, not the question.
    expect(chosen).toMatchObject({ ok: false, sheet: '数据' });
    if (chosen.ok) return;
    expect(chosen.mapping?.headers).toEqual(['名称', '科目', '统计期', '数额']);
    const mapped = await importAnyBytes(
      bytes,
      context('odd.xlsx', {
        sheet: '数据',
        mapping: { headerLine: 1, city: 0, indicator: 1, period: 2, value: 3, unit: -1 },
      }),
    );
    expect(mapped.ok && mapped.rows.map((o) => [o.city, o.value])).toEqual([['wuhu', 3.76]]);
  });
});
