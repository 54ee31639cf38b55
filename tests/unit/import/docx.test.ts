// The text of a Word document (.docx): paragraphs on their own lines, runs joined, tabs, tables, entities, deleted
// text and field instructions left out; documents made by LibreOffice Writer from a text report (at test time, in
// a temp dir), and small ones written here (jszip), including an empty one, a scan (pictures only), a damaged
// one, a zip bomb's document part and an old .doc.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { docxText, decodeEntities, readDocx } from '../../../src/lib/import/docx';
import { containerOf } from '../../../src/lib/import/workbook/container';
import { importAnyBytes } from '../../../src/lib/import/index';
import { context } from '../../fixtures/upload/context';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const REPORT = readFileSync(new URL('../../fixtures/reports/qingshan-2024.txt', import.meta.url), 'utf8');

/** A minimal .docx: the document part holding `body`, plus any other entries (pictures). */
async function docx(body: string, extra: Record<string, Uint8Array | string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>${body}<w:sectPr/></w:body></w:document>`,
  );
  for (const [name, data] of Object.entries(extra)) zip.file(name, data);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const p = (...runs: string[]): string =>
  `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${runs.join('')}</w:p>`;
const r = (text: string, space = false): string =>
  `<w:r><w:rPr><w:b/></w:rPr><w:t${space ? ' xml:space="preserve"' : ''}>${text}</w:t></w:r>`;
const cell = (text: string): string => `<w:tc><w:tcPr/>${p(r(text))}</w:tc>`;

/** Paragraphs split into runs, a tab, a line break, a table, entities, a deleted run, a field, a text box. */
const BODY = [
  p(r('青山市科技局'), r('2024'), r('年工作总结')),
  p(r('研发经费投入强度达到'), r('2.86%', false), r('，同比提高', true), r('0.15'), r('个百分点。')),
  p(r('指标'), '<w:r><w:tab/></w:r>', r('数值'), '<w:r><w:br/></w:r>', r('第二行')),
  `<w:tbl><w:tblPr/><w:tr>${cell('年份')}${cell('强度')}</w:tr><w:tr>${cell('2023')}${cell('2.71%')}</w:tr></w:tbl>`,
  p(r('A &lt; B &amp;&amp; C &gt; D, &quot;q&quot; &apos;s&apos; &#21019;&#x65B0;')),
  p(
    r('保留'),
    `<w:del w:id="1" w:author="x"><w:r><w:delText>删除的文字</w:delText></w:r></w:del>`,
    r('文字'),
  ),
  p(
    r('见第'),
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
    r('3'),
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    r('页'),
  ),
  p(
    r('图：'),
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>' +
      p(r('文本框')) +
      '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>' +
      p(r('文本框')) +
      '</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>',
  ),
  p(r('<img src=x onerror=alert(1)>'.replace(/</g, '&lt;').replace(/>/g, '&gt;'))),
  p(),
  p(),
].join('');

describe('the text of a document part', () => {
  it('puts each paragraph on its own line, joins runs, keeps tabs, line breaks and tables', () => {
    const { text, drawings } = docxText(`<w:document xmlns:w="${W}"><w:body>${BODY}</w:body></w:document>`);
    expect(text.split('\n')).toEqual([
      '青山市科技局2024年工作总结',
      '研发经费投入强度达到2.86%，同比提高0.15个百分点。',
      '指标\t数值',
      '第二行',
      '年份\t强度',
      '2023\t2.71%',
      `A < B && C > D, "q" 's' 创新`,
      '保留文字',
      '见第3页',
      '文本框',
      '图：',
      '<img src=x onerror=alert(1)>',
    ]);
    expect(drawings).toBe(true);
  });

  it('reads a document whose WordprocessingML prefix is not w:', () => {
    const xml = `<x:document xmlns:x="${W}"><x:body><x:p><x:r><x:t>一</x:t></x:r></x:p><x:p><x:r><x:t>二</x:t></x:r></x:p></x:body></x:document>`;
    expect(docxText(xml).text).toBe('一\n二');
  });

  it('trims a text element not marked xml:space="preserve" and keeps one that is', () => {
    const xml = `<w:document xmlns:w="${W}"><w:body><w:p>${r('  a  ')}${r(' b ', true)}</w:p></w:body></w:document>`;
    expect(docxText(xml).text).toBe('a b ');
  });

  it('decodes character references and keeps an unknown entity as written', () => {
    expect(decodeEntities('&#x1F600;&#0;&nbsp;&amp;lt;')).toBe('\u{1F600}\ufffd&nbsp;&lt;');
  });
});

describe('a .docx written here', () => {
  it('is told apart from a workbook and its text read', async () => {
    const bytes = await docx(BODY, { 'word/media/image1.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]) });
    const c = containerOf(bytes);
    expect(c).toMatchObject({ kind: 'docx', document: 'word/document.xml', media: true, damaged: false });
    const read = await readDocx(bytes, 'word/document.xml', 1e6);
    expect(typeof read === 'object' && read.text.split('\n')[0]).toBe('青山市科技局2024年工作总结');
  });

  it('refuses an empty document: no text', async () => {
    const res = await importAnyBytes(await docx(p() + p()), context('空白.docx'));
    expect(res).toMatchObject({ ok: false, code: 'report-empty' });
    expect(!res.ok && res.message.zh).toContain('空白.docx');
    expect(!res.ok && res.message.en).toContain('holds no text');
  });

  it('refuses a scan (pictures, no text), saying so and suggesting pasting the text', async () => {
    const picture = p(
      '<w:r><w:drawing><wp:inline xmlns:wp="x"><a:graphic xmlns:a="y"/></wp:inline></w:drawing></w:r>',
    );
    for (const bytes of [
      await docx(picture, { 'word/media/image1.jpeg': new Uint8Array([0xff, 0xd8, 0xff, 0]) }),
      await docx(picture),
      await docx(p(), { 'word/media/image1.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]) }),
    ]) {
      const res = await importAnyBytes(bytes, context('扫描件.docx'));
      expect(res).toMatchObject({ ok: false, code: 'report-images' });
      expect(!res.ok && res.message.zh).toMatch(/扫描件\.docx.*扫描件.*粘贴/);
      expect(!res.ok && res.message.en).toMatch(/scan.*[Pp]aste/);
    }
  });

  it('refuses a damaged .docx (cut short, or its document part not XML) by name', async () => {
    const whole = await docx(BODY);
    const cut = await importAnyBytes(whole.subarray(0, whole.length - 40), context('坏.docx'));
    expect(cut).toMatchObject({ ok: false, code: 'damaged' });
    expect(!cut.ok && cut.message.zh).toMatch(/坏\.docx.*Word 文档.*损坏/);

    const zip = new JSZip();
    zip.file('word/document.xml', new Uint8Array([0xff, 0xfe, 0, 1, 2, 3]));
    const junk = await importAnyBytes(await zip.generateAsync({ type: 'uint8array' }), context('坏.docx'));
    expect(junk).toMatchObject({ ok: false, code: 'damaged' });
  });

  it('refuses a document part that inflates past the limit (a zip bomb)', async () => {
    const bomb = await docx(p(r('研发'.repeat(400_000))));
    const res = await importAnyBytes(bomb, context('炸弹.docx', { maxInflatedBytes: 100_000 }));
    expect(res).toMatchObject({ ok: false, code: 'inflated-too-large' });
  });

  it('keeps today’s refusal for a zip that is neither a workbook nor a document, and for a .docx read as a table', async () => {
    const zip = new JSZip();
    zip.file('ppt/presentation.xml', '<p:presentation/>');
    const pptx = await importAnyBytes(await zip.generateAsync({ type: 'uint8array' }), context('a.pptx'));
    expect(pptx).toMatchObject({ ok: false, code: 'zip-not-workbook' });
    const asTable = await importAnyBytes(await docx(BODY), context('a.docx', { readAs: 'table' }));
    expect(asTable).toMatchObject({ ok: false, code: 'zip-not-workbook' });
  });

  it('refuses an old Word document (.doc), asking for a .docx', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = 'WordDocument';
    const at = 512 + 128;
    for (let k = 0; k < name.length; k++) ole[at + 2 * k] = name.charCodeAt(k);
    [ole[at + 64], ole[at + 66]] = [2 * (name.length + 1), 2];
    expect(containerOf(ole)).toEqual({ kind: 'doc' });
    for (const readAs of [undefined, 'table', 'report'] as const) {
      const res = await importAnyBytes(ole, context('总结.doc', { readAs }));
      expect(res).toMatchObject({ ok: false, code: 'doc' });
      expect(!res.ok && res.message.zh).toMatch(/总结\.doc.*旧版 Word.*\.docx/);
      expect(!res.ok && res.message.en).toContain('.docx');
    }
  });
});

// LibreOffice Writer is installed in CI (.ci/run) and here: without it these fail, saying soffice is missing.
describe('a .docx made by LibreOffice Writer from a text report', () => {
  let dir = '';
  let bytes: Uint8Array;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'docx-test-'));
    writeFileSync(join(dir, 'qingshan.txt'), REPORT);
    execFileSync(
      'soffice',
      [
        // A profile of its own: another soffice running (or a stale lock) does not block this one.
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--infilter=Text (encoded):UTF8,,,',
        join(dir, 'qingshan.txt'),
        '--outdir',
        dir,
      ],
      { stdio: 'ignore', timeout: 55_000 },
    );
    bytes = new Uint8Array(readFileSync(join(dir, 'qingshan.docx')));
  }, 60_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads every paragraph of the report on its own line, as the text file has them', async () => {
    expect(containerOf(bytes)).toMatchObject({ kind: 'docx', media: false });
    const read = await readDocx(bytes, 'word/document.xml', 1e7);
    expect(typeof read).toBe('object');
    if (typeof read !== 'object') return;
    expect(read.text).toBe(REPORT.replace(/\n+$/, ''));
    expect(read.text.split('\n')).toContain('三、2025年工作打算');
  });

  it('is read as a report: code "report" with the text the extractor saw and its R&D intensity', async () => {
    const res = await importAnyBytes(bytes, context('青山市2024年工作总结.docx'));
    expect(res).toMatchObject({ ok: false, code: 'report' });
    if (res.ok || !res.report) throw new Error('no report');
    expect(res.message.zh).toContain('工作报告');
    expect(res.report.format).toBe('docx');
    expect(res.report.encoding).toBe('Word (.docx)');
    expect(res.report.text).toBe(REPORT.replace(/\n+$/, ''));
    expect(res.report.extraction.looksLikeReport).toBe(true);
    const rd = res.report.extraction.candidates.find(
      (c) => c.indicator === 'rd_intensity' && c.value === 2.86,
    );
    expect(rd).toBeDefined();
    expect(res.report.text.slice(rd!.figure.start, rd!.figure.end)).toContain('2.86');
  });
});
