// Native charts into a deck PptxGenJS wrote: PptxGenJS lays out the slide, the chart's frame, relationships and
// content types around a placeholder chart; here each placeholder's chart part is replaced by ours (chartXml.ts)
// and its embedded workbook by one holding the same numbers (so PowerPoint's "Edit Data" opens the figures the
// chart draws). JSZip is the zip library PptxGenJS itself uses (no second copy is bundled).
import JSZip from 'jszip';
import { chartXml, NOT_XML, sheetRows, valueFormat, type ChartStyle } from './chartXml';
import type { NativePlot } from './nativeChart';

const CHART_PART = /^ppt\/charts\/chart(\d+)\.xml$/;
const PACKAGE_REL =
  /<Relationship\s+Id="([^"]+)"\s+Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/package"\s+Target="\.\.\/([^"]+)"/;

/** The embedded workbook of one plot: Sheet1 as the chart's references read it, numbers as numbers. */
async function workbook(plot: NativePlot): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const sheet = XLSX.utils.aoa_to_sheet(sheetRows(plot));
  // Each figure with the decimals its sentence states (row r + 1 is category r, column c + 1 series c).
  plot.series.forEach((s, c) =>
    s.values.forEach((v, r) => {
      const cell = sheet[XLSX.utils.encode_cell({ r: r + 1, c: c + 1 })] as { z?: string } | undefined;
      if (v !== null && cell) cell.z = valueFormat(s.decimals[r] ?? plot.decimals, plot.percent);
    }),
  );
  // Widths as a name needs, within what Excel lets a user still resize.
  sheet['!cols'] = [
    { wch: 14 },
    ...plot.series.map((s) => ({ wch: Math.min(60, Math.max(10, s.name.length * 2)) })),
  ];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Sheet1');
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
    zip.file(part.name, chartXml(plot, style).replace('r:id="rId1"', `r:id="${id}"`));
    zip.file(`ppt/${target}`, await workbook(plot));
  }
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n)))
    zip.file(name, notesParagraphs(await zip.file(name)!.async('string'), style.lang));
  // PptxGenJS writes text as given: a control character from a file (in a name, a note) would make a slide
  // or its notes no XML at all, which PowerPoint refuses.
  for (const name of Object.keys(zip.files).filter((n) =>
    /^ppt\/(slides|notesSlides)\/[^/]+\.xml$/.test(n),
  )) {
    const xml = await zip.file(name)!.async('string');
    if (NOT_XML.test(xml)) zip.file(name, xml.replace(NOT_XML, ''));
    NOT_XML.lastIndex = 0;
  }
  return zip.generateAsync({
    type: 'blob',
    compression: 'DEFLATE',
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  });
}
