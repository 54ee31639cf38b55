// 16:9 PowerPoint slides (one per chart, or a deck), written in the browser by PptxGenJS, which is
// loaded only when a slide is asked for (it is larger than the rest of the export code together).
import type { ChartModel } from '../charts/common';
import type { ExportMeta } from './render';
import { renderPng } from './render';
import type { Lang } from '../i18n/bilingual';
import { t } from '../i18n/onDemandMessages';

export interface SlideChart {
  model: ChartModel;
  meta: ExportMeta;
}

async function dataUrl(blob: Blob): Promise<string> {
  const buf = new Uint8Array(await blob.arrayBuffer());
  let bin = '';
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return `data:image/png;base64,${btoa(bin)}`;
}

/** buildDeck([{model, meta}]) -> .pptx Blob with one 16:9 slide per chart: title, chart image, source note. */
export async function buildDeck(charts: SlideChart[], lang: Lang): Promise<Blob> {
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9'; // 10 × 5.625 in
  pptx.title = charts.length === 1 ? (charts[0]?.meta.title ?? '') : t(lang, 'deckTitle');
  const font = t(lang, 'slideFont');
  for (const c of charts) {
    const slide = pptx.addSlide();
    slide.addText(c.meta.title, {
      x: 0.4,
      y: 0.2,
      w: 9.2,
      h: 0.5,
      fontSize: 22,
      bold: true,
      fontFace: font,
      color: '222222',
    });
    slide.addText(c.meta.subtitle, {
      x: 0.4,
      y: 0.68,
      w: 9.2,
      h: 0.35,
      fontSize: 11,
      fontFace: font,
      color: '555555',
    });
    // The chart without its own title block: the slide carries title and source as editable text.
    const png = await renderPng(
      c.model,
      { title: '', subtitle: '', sourceLine: '' },
      { width: 1100, height: 520, pixelRatio: 2 },
    );
    slide.addImage({ data: await dataUrl(png), x: 0.4, y: 1.05, w: 9.2, h: 9.2 * (520 / 1100) });
    slide.addText(c.meta.sourceLine, {
      x: 0.4,
      y: 5.2,
      w: 9.2,
      h: 0.35,
      fontSize: 9,
      fontFace: font,
      color: '555555',
    });
  }
  return (await pptx.write({ outputType: 'blob' })) as Blob;
}
