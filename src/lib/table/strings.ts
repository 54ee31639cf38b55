// Many strings as one string + end offsets: structured cloning (postMessage, IndexedDB) then copies
// one string and one typed array instead of serialising every small string on the main thread.
export interface PackedStrings {
  text: string;
  ends: Uint32Array;
}

export function packStrings(list: readonly string[]): PackedStrings {
  const ends = new Uint32Array(list.length);
  let at = 0;
  for (let i = 0; i < list.length; i++) {
    at += list[i]!.length;
    ends[i] = at;
  }
  return { text: list.join(''), ends };
}

export function unpackStrings(p: PackedStrings): string[] {
  const out = new Array<string>(p.ends.length);
  let start = 0;
  for (let i = 0; i < p.ends.length; i++) {
    const end = p.ends[i]!;
    out[i] = p.text.slice(start, end);
    start = end;
  }
  return out;
}
