// Column mappings the user made, remembered by header signature (localStorage), so the next file with the same
// header opens with the same choices. What is read back is checked field by field: a stored value is data, never
// trusted as a shape.
// Example: rememberMapping('k2x', { headerLine: 2, city: 0, ... }); recallMapping('k2x') -> that mapping
//          recallMapping('other') -> null (also when storage is unavailable or holds something else)

import type { ImportMapping, MappedRole } from '../import/types';

const PREFIX = 'csd-mapping:';
const ROLES: readonly MappedRole[] = ['city', 'indicator', 'period', 'value', 'unit'];
const MAX_KEPT = 50;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // a sandboxed frame: storage throws on access
  }
}

function isIndex(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= -1 && v <= 10_000;
}

/** A stored value read back as a mapping, or null if it is not one. */
export function asMapping(v: unknown): ImportMapping | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (!isIndex(o.headerLine) || o.headerLine < 1) return null;
  const out: ImportMapping = {
    headerLine: o.headerLine,
    city: -1,
    indicator: -1,
    period: -1,
    value: -1,
    unit: -1,
  };
  for (const r of ROLES) {
    const i = o[r];
    if (!isIndex(i)) return null;
    out[r] = i;
  }
  if (typeof o.place === 'string' && o.place.length <= 200) out.place = o.place;
  return out;
}

export function recallMapping(signature: string): ImportMapping | null {
  try {
    const raw = storage()?.getItem(PREFIX + signature);
    return raw ? asMapping(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

export function rememberMapping(signature: string, mapping: ImportMapping): void {
  const s = storage();
  if (!s) return;
  try {
    s.setItem(PREFIX + signature, JSON.stringify(mapping));
    // Keep the memory small: drop the oldest-listed entries past MAX_KEPT.
    const keys: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (k?.startsWith(PREFIX)) keys.push(k);
    }
    for (const k of keys.slice(0, Math.max(0, keys.length - MAX_KEPT)))
      if (k !== PREFIX + signature) s.removeItem(k);
  } catch {
    // Full or forbidden: the mapping is simply not remembered.
  }
}
