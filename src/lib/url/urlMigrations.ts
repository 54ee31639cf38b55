// Old permalinks keep opening. Each migration takes a link in an older form to a newer one; parseView runs
// them all, in order, before it reads a link (as Our World in Data's grapher keeps GrapherUrlMigrations.ts).
// A change to a route or a parameter's written form adds a migration at the end of URL_MIGRATIONS, with its
// own test in tests/unit/url.test.ts; none is removed, since a link shared once may be opened years later.
// Example: migrateLink({ path: '/', query: [['data', 'ab c']] }) -> { path: '/', query: [['data', 'ab+c']] }

/** A hash link taken apart: its path as written ('/embed/rd-intensity') and its query pairs, decoded, in order. */
export interface HashLink {
  path: string;
  query: readonly (readonly [key: string, value: string])[];
}

/** One step from an older link form to a newer one; a link it does not concern comes back as it was. */
export type UrlMigration = (link: HashLink) => HashLink;

/**
 * `data=` carried with its '+' signs unescaped. The compressed upload a share link carries is lz-string
 * text, whose alphabet has '+'; a link that holds it unescaped (written by hand, or unescaped on its way
 * by a mail or chat client) reads every '+' as a space. The alphabet has no space, so each one was a '+'.
 * dataPlusSigns({ path: '/', query: [['data', 'N4Ig a']] }) -> { path: '/', query: [['data', 'N4Ig+a']] }
 */
export function dataPlusSigns(link: HashLink): HashLink {
  if (!link.query.some(([k, v]) => k === 'data' && v.includes(' '))) return link;
  return {
    ...link,
    query: link.query.map(([k, v]) =>
      k === 'data' ? ([k, v.replace(/ /g, '+')] as const) : ([k, v] as const),
    ),
  };
}

/**
 * Row keys (`mark=`) of figures that moved to an indicator id of their own (one id holds one scope: data/README
 * "Scopes"): Wuhu's 2024 ceiling of 重大科技项目和科技成果工程化项目, once filed with 2023's 揭榜挂帅 projects.
 */
const MOVED_MARKS: ReadonlyMap<string, string> = new Map([
  ['wuhu-challenge_projects-2024-target', 'wuhu-challenge_projects_major_engineering-2024-target'],
]);

/** markToOwnScope({ path: '/sources/x', query: [['mark', 'wuhu-challenge_projects-2024-target']] }) -> its new key */
export function markToOwnScope(link: HashLink): HashLink {
  if (!link.query.some(([k, v]) => k === 'mark' && MOVED_MARKS.has(v))) return link;
  return {
    ...link,
    query: link.query.map(([k, v]) =>
      k === 'mark' ? ([k, MOVED_MARKS.get(v) ?? v] as const) : ([k, v] as const),
    ),
  };
}

/** Every migration, oldest first. */
export const URL_MIGRATIONS: readonly UrlMigration[] = [dataPlusSigns, markToOwnScope];

/** The link brought up to date: every migration applied in order. */
export function migrateLink(link: HashLink, migrations: readonly UrlMigration[] = URL_MIGRATIONS): HashLink {
  return migrations.reduce((l, migrate) => migrate(l), link);
}
