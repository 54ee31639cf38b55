// A .pptx as LibreOffice Impress lays it out: converted to PDF by `soffice --headless` (one conversion at a
// time in this process, each with its own user installation so parallel test processes do not collide), then
// read back with `pdftotext -bbox-layout` into pages of text lines with their boxes (pt, origin top left).
// Used by the unit test of the slide writer and the browser test of the plan-targets export.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LayoutLine {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface LayoutPage {
  /** 1-based, as a reader counts slides. */
  number: number;
  width: number;
  height: number;
  lines: LayoutLine[];
}

export interface PptxLayout {
  pages: LayoutPage[];
  /** How long LibreOffice took to convert the file. */
  seconds: number;
}

const INSTALL =
  'the slide layout check needs LibreOffice Impress and poppler: apt-get install libreoffice-impress poppler-utils (.ci/run installs them)';

async function have(cmd: string, args: string[]): Promise<boolean> {
  try {
    await run(cmd, args, { timeout: 60_000 });
    return true;
  } catch (e) {
    // pdftotext -v exits 0 on new poppler and 99 on old; only "not found" means missing.
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/** Throws, saying what to install, unless soffice and pdftotext are on PATH. */
export async function requireLayoutTools(): Promise<void> {
  const missing: string[] = [];
  if (!(await have('soffice', ['--version']))) missing.push('soffice');
  if (!(await have('pdftotext', ['-v']))) missing.push('pdftotext');
  if (missing.length) throw new Error(`${missing.join(' and ')} not found: ${INSTALL}`);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
      );
    return ENTITIES[e] ?? m;
  });
}

function attrs(tag: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of tag.matchAll(/(\w+)="([-0-9.]+)"/g)) out[m[1] as string] = Number(m[2]);
  return out;
}

/** The pages and lines of `pdftotext -bbox-layout` output. */
export function parseBboxLayout(html: string): LayoutPage[] {
  const pages: LayoutPage[] = [];
  for (const pm of html.matchAll(/<page\b([^>]*)>([\s\S]*?)<\/page>/g)) {
    const pa = attrs(pm[1] ?? '');
    const lines: LayoutLine[] = [];
    for (const lm of (pm[2] ?? '').matchAll(/<line\b([^>]*)>([\s\S]*?)<\/line>/g)) {
      const la = attrs(lm[1] ?? '');
      const words = [...(lm[2] ?? '').matchAll(/<word\b[^>]*>([\s\S]*?)<\/word>/g)].map((w) =>
        decode(w[1] ?? ''),
      );
      lines.push({
        text: words.join(' '),
        xMin: la.xMin ?? 0,
        yMin: la.yMin ?? 0,
        xMax: la.xMax ?? 0,
        yMax: la.yMax ?? 0,
      });
    }
    pages.push({ number: pages.length + 1, width: pa.width ?? 0, height: pa.height ?? 0, lines });
  }
  return pages;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * checkPptxLayout('deck.pptx') -> the deck as LibreOffice lays it out: its pages and text lines. Fails with what
 * to install when LibreOffice or poppler is missing.
 */
export function checkPptxLayout(pptxPath: string): Promise<PptxLayout> {
  const next = queue.then(() => convert(pptxPath));
  queue = next.catch(() => undefined);
  return next;
}

async function convert(pptxPath: string): Promise<PptxLayout> {
  await requireLayoutTools();
  const work = await mkdtemp(join(tmpdir(), 'pptx-layout-'));
  const profile = await mkdtemp(join(tmpdir(), 'lo-'));
  try {
    const start = Date.now();
    await run(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${profile}`,
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        pptxPath,
      ],
      { timeout: 180_000 },
    );
    const seconds = (Date.now() - start) / 1000;
    const pdf = join(work, basename(pptxPath).replace(/\.[^.]+$/, '') + '.pdf');
    if (!(await readdir(work)).includes(basename(pdf)))
      throw new Error(
        `LibreOffice wrote no PDF for ${pptxPath} (in ${work}: ${(await readdir(work)).join(', ')})`,
      );
    const html = join(work, 'layout.html');
    await run('pdftotext', ['-bbox-layout', pdf, html], { timeout: 60_000 });
    return { pages: parseBboxLayout(await readFile(html, 'utf8')), seconds };
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * A line's box as pdftotext gives it runs from the font's ascent to its descent, which for most fonts is a
 * little more than the line spacing: the boxes of two lines of one paragraph overlap by a point or two while
 * their glyphs do not. Overlap is judged on the box less this share of its height at top and bottom.
 */
const RESERVE = 0.15;

/** Pairs of lines whose boxes (less the font's reserve) intersect by more than `tol` pt both across and down. */
export function overlaps(lines: readonly LayoutLine[], tol = 0.5): [LayoutLine, LayoutLine][] {
  const out: [LayoutLine, LayoutLine][] = [];
  const core = (l: LayoutLine) => {
    const r = (l.yMax - l.yMin) * RESERVE;
    return { top: l.yMin + r, bottom: l.yMax - r };
  };
  for (let i = 0; i < lines.length; i++)
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i] as LayoutLine;
      const b = lines[j] as LayoutLine;
      const ca = core(a);
      const cb = core(b);
      const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const dy = Math.min(ca.bottom, cb.bottom) - Math.max(ca.top, cb.top);
      if (dx > tol && dy > tol) out.push([a, b]);
    }
  return out;
}

/** The page's lines that reach past its edges by more than `tol` pt. */
export function outside(page: LayoutPage, tol = 0.5): LayoutLine[] {
  return page.lines.filter(
    (l) => l.xMin < -tol || l.yMin < -tol || l.xMax > page.width + tol || l.yMax > page.height + tol,
  );
}

const box = (l: LayoutLine) =>
  `"${l.text}" [${l.xMin.toFixed(1)}–${l.xMax.toFixed(1)} × ${l.yMin.toFixed(1)}–${l.yMax.toFixed(1)}]`;

/** Every overlap and every line off its page, as sentences naming the page and the texts; [] when clean. */
export function layoutProblems(layout: PptxLayout, tol = 0.5): string[] {
  const problems: string[] = [];
  for (const page of layout.pages) {
    for (const [a, b] of overlaps(page.lines, tol))
      problems.push(`slide ${page.number}: ${box(a)} overlaps ${box(b)}`);
    for (const l of outside(page, tol))
      problems.push(
        `slide ${page.number}: ${box(l)} leaves the ${page.width.toFixed(0)}×${page.height.toFixed(0)} pt slide`,
      );
  }
  return problems;
}

/** compact(' a b\n') -> 'ab': text without whitespace, to find a cell's text however it wrapped. */
export const compact = (s: string) => s.replace(/\s+/g, '');

/** A page's text in reading order without whitespace. */
export const pageText = (page: LayoutPage) => compact(page.lines.map((l) => l.text).join(''));

/** The texts found on no page (compared without whitespace). */
export function missingTexts(layout: PptxLayout, texts: readonly string[]): string[] {
  const pages = layout.pages.map(pageText);
  return texts.filter((s) => !pages.some((p) => p.includes(compact(s))));
}
