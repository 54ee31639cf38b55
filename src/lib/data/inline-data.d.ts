declare module 'virtual:inline-data' {
  /** data/ files keyed by relative path in the single-file build; null in the normal build. */
  const files: Record<string, string> | null;
  export default files;
}
