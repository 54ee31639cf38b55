// The input side of "bring your own report": a work report's text (a .txt, a .docx, or pasted) read, checked and
// handed to the report extractor (src/lib/extract, fetched the first time a report is read, so it is in no
// bundle that does not read one). The outcome travels the importer's refusal channel: code 'report' carries what
// was read (ReportRead) to the review step; anything else is a refusal that names the file and the reason.
// Loaded by index.ts only when a report is read (with docx.ts): what tells one from a table is in prose.ts.
// Example: reportFromText('青山市科技局2024年工作总结\r\n研发经费投入强度达到2.86%。', ctx, 'txt', 'UTF-8')
//   -> { ok: false, code: 'report', message: { zh: '文件“…”是一份工作报告：请核对…', en },
//        report: { text: '青山市科技局2024年工作总结\n研发经费投入强度达到2.86%。', format: 'txt', encoding: 'UTF-8',
//                  extraction: { title: '青山市科技局2024年工作总结', candidates: [ … ], looksLikeReport: true, … } } }

import type { ImportContext, ImportFailure, ProgressFn, ReportRead } from './types';
import type { DocumentContainer } from './workbook/container';
import { DEFAULT_MAX_INFLATED_BYTES } from './workbook/container';
import { decodeSteps } from './decode';
import { runSteps } from './engine';
import { readDocx } from './docx';
import { looksTabular, MAX_REPORT_CHARS } from './prose';
import { both } from '../i18n/importMessages';
import { megabytes } from './limits';

/** The text as the extractor sees it: no BOM, every line break '\n'. */
export function reportText(text: string): string {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
}

function subject(ctx: ImportContext): { file: string; pasted: boolean } {
  return { file: ctx.fileName, pasted: ctx.pasted === true };
}

function refuse(code: string, message: ImportFailure['message']): ImportFailure {
  return { ok: false, code, message };
}

function tooLong(ctx: ImportContext, size: number): ImportFailure {
  return refuse('report-too-long', both('reportTooLong', { ...subject(ctx), size: megabytes(size) }));
}

/**
 * A report's text, run through the extractor: code 'report' with what was read, or a refusal (too long, empty,
 * not a report). `text` is taken as decoded; line breaks are made '\n' here, before the extractor sees it.
 */
export async function reportFromText(
  decoded: string,
  ctx: ImportContext,
  format: ReportRead['format'],
  encoding: string,
  onProgress?: ProgressFn,
): Promise<ImportFailure> {
  if (decoded.length > MAX_REPORT_CHARS) return tooLong(ctx, decoded.length);
  const text = reportText(decoded);
  if (text.trim() === '') return refuse('report-empty', both('reportEmpty', subject(ctx)));
  onProgress?.(0.3);
  const { extractReport } = await import('../extract/index');
  const extraction = extractReport(text, { indicators: ctx.indicators, places: ctx.places });
  onProgress?.(1);
  // A file the user asked to read as a report after the table reader refused it (short clauses between commas
  // look like columns) is taken at its word when it holds a figure; anything else must read as a report.
  const asked = ctx.readAs === 'report' && !ctx.pasted && extraction.candidates.length > 0;
  if (!extraction.looksLikeReport && !asked)
    return looksTabular(text)
      ? refuse('not-a-report', both('notAReportTable', subject(ctx)))
      : refuse('not-a-report', both('notAReport', subject(ctx)));
  return {
    ...refuse('report', both('reportFound', subject(ctx))),
    report: { text, format, encoding, extraction },
  };
}

/**
 * A text file (or pasted text) read as a report: refused unread over 10 MB; pasted text is UTF-8 whatever its
 * first bytes, a file is decoded as the table reader decodes it (UTF-8, UTF-16 with or without BOM, GB18030).
 */
export async function reportFromBytes(
  bytes: Uint8Array,
  ctx: ImportContext,
  onProgress?: ProgressFn,
): Promise<ImportFailure> {
  if (bytes.byteLength > MAX_REPORT_CHARS) return tooLong(ctx, bytes.byteLength);
  if (ctx.pasted)
    return reportFromText(new TextDecoder('utf-8').decode(bytes), ctx, 'paste', 'UTF-8', onProgress);
  const d = runSteps(decodeSteps(bytes, Infinity, true));
  if (!d.ok) return refuse(d.code, d.message);
  return reportFromText(d.text, ctx, 'txt', d.encoding, onProgress);
}

/**
 * A Word document read as a report: a .doc is refused (save it as .docx); a .docx has its main part inflated
 * (within ctx.maxInflatedBytes, counted as it inflates) and its text read; one with no text is empty, or a scan
 * when it holds pictures.
 */
export async function reportFromDocument(
  bytes: Uint8Array,
  ctx: ImportContext,
  container: DocumentContainer,
  onProgress?: ProgressFn,
): Promise<ImportFailure> {
  const who = subject(ctx);
  if (container.kind === 'doc') return refuse('doc', both('legacyDoc', who));
  if (container.damaged) return refuse('damaged', both('docxDamaged', { ...who, detail: 'zip' }));
  const limit = ctx.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES;
  const read = await readDocx(bytes, container.document, limit);
  if (read === 'over')
    return refuse('inflated-too-large', both('docxTooLarge', { ...who, limit: megabytes(limit) }));
  if (read === 'damaged')
    return refuse('damaged', both('docxDamaged', { ...who, detail: container.document }));
  onProgress?.(0.2);
  if (read.text.trim() === '')
    return read.drawings || container.media
      ? refuse('report-images', both('reportImagesOnly', who))
      : refuse('report-empty', both('reportEmpty', who));
  return reportFromText(read.text, ctx, 'docx', 'Word (.docx)', onProgress);
}

/** A workbook where a report was asked for. */
export function workbookNotReport(ctx: ImportContext): ImportFailure {
  return refuse('not-a-report', both('workbookNotReport', subject(ctx)));
}
