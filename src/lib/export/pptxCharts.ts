// Native charts into a deck PptxGenJS wrote: PptxGenJS lays out the slide, the chart's frame, relationships and
// content types around a placeholder chart; here each placeholder's chart part is replaced by ours (chartXml.ts)
// and its embedded workbook by one holding the same numbers (so PowerPoint's "Edit Data" opens the figures the
// chart draws). JSZip is the zip library PptxGenJS itself uses (no second copy is bundled).
import JSZip from 'jszip';
import { chartXml, sheetRows, type ChartStyle } from './chartXml';
import { NOT_XML } from '../import/text';
import { worksheet } from './xlsx';
import type { NativePlot } from './nativeChart';

const CHART_PART = /^ppt\/charts\/chart(\d+)\.xml$/;
const PACKAGE_REL =
  /<Relationship\s+Id="([^"]+)"\s+Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/package"\s+Target="\.\.\/([^"]+)"/;

/** The embedded workbook of one plot: Sheet1 as the chart's references read it, numbers as numbers. */
async function workbook(plot: NativePlot): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, worksheet(XLSX, sheetRows(plot)), 'Sheet1');
  return XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as Uint8Array;
}

// PptxGenJS writes a slide's notes as one run with its line breaks inside (PowerPoint shows them as one line).
const NOTES_RUN =
  /<a:p><a:r><a:rPr lang="en-US" dirty="0"\/><a:t>([\s\S]*?)<\/a:t><\/a:r><a:endParaRPr lang="en-US" dirty="0"\/><\/a:p>/;

/** The notes' text as one paragraph per line, in the deck's language (PowerPoint picks fonts by it). */
export function notesParagraphs(xml: string, lang: string): string {
  return xml.replace(NOTES_RUN, (_, body: string) =>
    body
      .split('\n')
      .map((line) =>
        line
          ? `<a:p><a:r><a:rPr lang="${lang}" dirty="0"/><a:t>${line}</a:t></a:r></a:p>`
          : `<a:p><a:endParaRPr lang="${lang}" dirty="0"/></a:p>`,
      )
      .join(''),
  );
}

/**
 * finishDeck(pptx, plots, style) -> the deck with the n-th chart part (in the order the charts were added)
 * drawing plots[n], its workbook holding plots[n]'s numbers, and notes one paragraph per line. Throws if the
 * deck has another number of charts.
 */
export async function finishDeck(
  pptx: ArrayBuffer,
  plots: readonly NativePlot[],
  style: ChartStyle,
): Promise<Blob> {
  const zip = await JSZip.loadAsync(pptx);
  const parts = Object.keys(zip.files)
    .map((name) => ({ name, n: Number(CHART_PART.exec(name)?.[1]) }))
    .filter((p) => Number.isFinite(p.n))
    .sort((a, b) => a.n - b.n);
  if (parts.length !== plots.length)
    throw new Error(`slide writer: ${parts.length} chart parts for ${plots.length} charts`);
  for (const [i, part] of parts.entries()) {
    const plot = plots[i]!;
    const relsName = part.name.replace('charts/', 'charts/_rels/') + '.rels';
    const rels = (await zip.file(relsName)?.async('string')) ?? '';
    const rel = PACKAGE_REL.exec(rels);
    if (!rel) throw new Error(`slide writer: ${part.name} has no embedded workbook`);
    const [, id, target] = rel;
    zip.file(part.name, chartXml(plot, style, id));
    zip.file(`ppt/${target}`, await workbook(plot));
  }
  // Slides and notes as PptxGenJS wrote them, read once: the notes one paragraph per line, and any control
  // character from a file (in a name, a note) dropped, which would make the part no XML at all for PowerPoint.
  for (const name of Object.keys(zip.files).filter((n) =>
    /^ppt\/(slides|notesSlides)\/[^/]+\.xml$/.test(n),
  )) {
    const xml = await zip.file(name)!.async('string');
    const notes = name.startsWith('ppt/notesSlides/') ? notesParagraphs(xml, style.lang) : xml;
    const clean = notes.replace(NOT_XML, '');
    if (clean !== xml) zip.file(name, clean);
  }
  return zip.generateAsync({
    type: 'blob',
    compression: 'DEFLATE',
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  });
}
