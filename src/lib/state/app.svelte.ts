// App state in runes: the view (mirrored in the URL), the dataset (curated + uploads) and notices.
// Data flows one way: loaders -> this state -> chart specs -> Chart.svelte.
import type { Dataset, UploadPart } from '../data/dataset';
import { buildDataset, citiesWithData, isReferencePlace, isUploadedId, reportPages } from '../data/dataset';
import type { CuratedParts } from '../data/dataset';
import type { Bilingual, Lang } from '../i18n/bilingual';
import { both } from '../i18n/messages';
import type { Notice, View } from '../url/url';
import { parseView, restrictView } from '../url/url';
import { href } from '../url/routes';

/** A message for the user, in both languages (the notice list shows the reader's). */
export interface UiNotice extends Bilingual {
  id: number;
  level: 'info' | 'warning' | 'error';
}

let nextNotice = 1;

/** Uploaded cities selected by default; more are chosen in the city picker. */
export const MAX_DEFAULT_UPLOADED = 12;

class AppState {
  view = $state<View>(parseView(typeof location === 'undefined' ? '' : location.hash).view);
  curated = $state.raw<CuratedParts | null>(null);
  uploads = $state.raw<UploadPart[]>([]);
  loadError = $state<string | null>(null);
  notices = $state<UiNotice[]>([]);
  /** View-param notices from the last URL parse (shown once data is known). */
  urlNotices = $state.raw<Notice[]>(parseView(typeof location === 'undefined' ? '' : location.hash).notices);
  /**
   * Set once every chart of the first picture is drawn, in a task after it (so the browser can paint
   * first): what that picture does not need (the explorer, hidden tables, storage, the upload UI)
   * comes after it.
   */
  painted = $state(false);
  /** Set as the last chart of the first picture is drawn, in that same update (see ChartCard). */
  chartsDrawn = $state(false);
  #drawing = 0;
  /** Set when the browser is idle after the first picture: the time to load storage and the upload UI. */
  settled = $state(false);
  dark = $state(typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches);

  dataset: Dataset | null = $derived(this.curated ? buildDataset(this.curated, this.uploads) : null);

  /**
   * A chart the first picture waits for; call the returned function once it is drawn, fails, or goes
   * away (only the first call counts).
   */
  waitForChart(): () => void {
    this.#drawing++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (--this.#drawing > 0) return;
      this.chartsDrawn = true;
      if (!this.painted) setTimeout(() => (this.painted = true), 0);
    };
  }

  get lang(): Lang {
    return this.view.lang;
  }

  /**
   * The selected places: the URL's list, else every curated city and the first uploaded ones. A file
   * with hundreds of cities would make every chart an unreadable (and slow) tangle; the rest are one
   * click away in the picker.
   */
  selectedCities: string[] = $derived.by(() => {
    const ds = this.dataset;
    if (!ds) return [];
    const chosen = this.view.cities?.filter((c) => ds.places.has(c) && !isReferencePlace(ds.places.get(c)));
    if (chosen) return chosen;
    let uploaded = 0;
    return citiesWithData(ds).filter((c) => !isUploadedId(c) || ++uploaded <= MAX_DEFAULT_UPLOADED);
  });

  notify(n: Omit<UiNotice, 'id'>) {
    this.notices = [...this.notices, { ...n, id: nextNotice++ }];
  }

  dismiss(id: number) {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  /** Apply a change to the view and write it to the URL (replaceState: no history spam). */
  update(patch: Partial<View>, opts: { push?: boolean } = {}) {
    this.view = { ...this.view, ...patch };
    const hash = href(this.view);
    if (typeof history !== 'undefined' && location.hash !== hash) {
      if (opts.push) history.pushState(null, '', hash);
      else history.replaceState(null, '', hash);
    }
  }

  /** Called on hashchange (links, back button): the URL wins. */
  fromUrl(hash: string) {
    const parsed = parseView(hash);
    this.view = parsed.view;
    this.urlNotices = parsed.notices;
    this.checkViewAgainstData();
  }

  /** Drop ids the data does not know (allow-list), telling the user once. */
  checkViewAgainstData() {
    const ds = this.dataset;
    if (!ds) return;
    const known = {
      cities: new Set(ds.places.keys()),
      indicators: new Set(ds.indicators.keys()),
      // An uploaded report is a source too: its page is `#/sources/report-…` (the upload's id).
      sources: new Set([...ds.sources.keys(), ...reportPages(ds)]),
    };
    const missingUploads = (this.view.cities ?? []).filter((c) => isUploadedId(c) && !known.cities.has(c));
    if (missingUploads.length) this.notify({ ...both('notAvailableHere'), level: 'warning' });
    const r = restrictView(this.view, known);
    const all = [
      ...this.urlNotices,
      ...r.notices.filter((n) => !(n.param === 'cities' && missingUploads.some((c) => n.raw.includes(c)))),
    ];
    this.urlNotices = [];
    for (const n of all)
      this.notify({ ...both('notice', { param: n.param, reason: n.reason }), level: 'warning' });
    if (r.notices.length) this.view = r.view;
  }
}

export const app = new AppState();
