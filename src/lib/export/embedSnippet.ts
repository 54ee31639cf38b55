// The iframe snippet users paste into a web page or web slides. Its script listens only to its own
// iframe (event.source) and clamps the height, so no other frame can resize or script the host page.
import { EMBED_MESSAGE } from './embedMessage';

export { EMBED_MESSAGE };
export const MIN_HEIGHT = 200;
export const MAX_HEIGHT = 2000;

/** Clamp a reported height: clampHeight(1e9) -> 2000; clampHeight('x') -> null. */
export function clampHeight(h: unknown): number | null {
  const n = typeof h === 'number' ? h : NaN;
  if (!Number.isFinite(n)) return null;
  return Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, n)));
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** iframeSnippet('https://x/#/embed/rd-intensity', 'cst-rd', 'R&D') -> '<iframe id="cst-rd" ...></iframe><script>…</script>' */
export function iframeSnippet(url: string, id: string, title: string): string {
  const safeId = id.replace(/[^a-z0-9-]/gi, '');
  const script =
    `(function(){var f=document.getElementById('${safeId}');` +
    `window.addEventListener('message',function(e){` +
    `if(!f||e.source!==f.contentWindow||!e.data||e.data.type!=='${EMBED_MESSAGE}')return;` +
    `var h=Number(e.data.height);if(!isFinite(h))return;` +
    `f.style.height=Math.round(Math.min(${MAX_HEIGHT},Math.max(${MIN_HEIGHT},h)))+'px';});})();`;
  return (
    `<iframe id="${safeId}" src="${attr(url)}" title="${attr(title)}" loading="lazy" ` +
    `style="width:100%;height:480px;border:0"></iframe>\n<script>${script}</script>`
  );
}
