// A typed message catalogue in Chinese and English. The Chinese catalogue names the keys and each message's
// parameters; the English one must have exactly those keys, each of the same shape (text for text, a function
// of the same parameters for a function), or the type check fails. Every catalogue module (UI, importer,
// on-demand, storage) is built with `catalogue(zh, en)`, and lives next to the code that loads it.
//
//   const c = catalogue({ line: (p: { n: number }) => `第 ${p.n} 行` }, { line: (p) => `line ${p.n}` });
//   c.t('zh', 'line', { n: 3 }) -> '第 3 行'
//   c.both('line', { n: 3 }) -> { zh: '第 3 行', en: 'line 3' }
import type { Bilingual, Lang } from './bilingual';

/** A message: its text, or its text made from named parameters. */
export type Message = string | ((params: never) => string);

/** The English twin of a Chinese catalogue: the same keys, each text where zh has text, a function of the same parameters where zh has one. */
export type Twin<C> = {
  readonly [K in keyof C]: C[K] extends (params: infer P) => string ? (params: P) => string : string;
};

/** Parameters for both(): a text parameter may come in both languages (a Bilingual, a place, an indicator); each language takes its own side. */
export type EitherLanguage<P> = { [K in keyof P]: P[K] extends string ? P[K] | Bilingual : P[K] };

/** What t() takes after the key: nothing for a text message, its parameters for a function. */
export type Args<M> = M extends (params: infer P) => string ? [params: P] : [];
/** What both() takes after the key. */
export type BothArgs<M> = M extends (params: infer P) => string ? [params: EitherLanguage<P>] : [];

/** The keys of a catalogue's plain-text messages (those that take no parameters). */
export type TextKey<C> = { [K in keyof C]: C[K] extends string ? K : never }[keyof C];

export interface Catalogue<C> {
  /** The message in one language: t('zh', 'line', { n: 3 }) -> '第 3 行' */
  t<K extends keyof C>(lang: Lang, key: K, ...params: Args<C[K]>): string;
  /** The message in both languages, for lib code that cannot know the reader's: both('line', { n: 3 }) */
  both<K extends keyof C>(key: K, ...params: BothArgs<C[K]>): Bilingual;
}

function isBilingual(v: unknown): v is Bilingual {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Bilingual).zh === 'string' &&
    typeof (v as Bilingual).en === 'string'
  );
}

/** The parameters as one language reads them: every Bilingual among them replaced by its `lang` side. */
function side(params: unknown, lang: Lang): unknown {
  if (typeof params !== 'object' || params === null) return params;
  const p = params as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (const k of Object.keys(p)) {
    const v = p[k];
    if (isBilingual(v)) (out ??= { ...p })[k] = v[lang];
  }
  return out ?? params;
}

function say(m: Message, params: unknown): string {
  return typeof m === 'string' ? m : (m as (p: unknown) => string)(params);
}

/** A catalogue from its Chinese messages and their English twins (see the header comment). */
export function catalogue<C extends Record<keyof C, Message>>(zh: C, en: Twin<C>): Catalogue<C> {
  const byLang: Record<Lang, Record<keyof C, Message>> = { zh, en: en as Record<keyof C, Message> };
  return {
    t: (lang, key, ...params) => say(byLang[lang][key], params[0]),
    both: (key, ...params) => ({
      zh: say(zh[key], side(params[0], 'zh')),
      en: say(byLang.en[key], side(params[0], 'en')),
    }),
  };
}
