// The import benchmark's input: a long-format CSV of `rows` data rows (default 1,000,000, ~53 MB),
// header 城市,指标,年份,数值,单位. ~300 cities, 10 indicators (three the app knows, the rest not),
// years 1990-2024, values with 2 decimals; deterministic (seeded), written once and reused.
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';

export const HEADER = '城市,指标,年份,数值,单位';

export const INDICATORS = [
  ['研发经费投入强度', '%', 0.2, 7],
  ['高新技术企业数', '家', 10, 25000],
  ['技术合同成交额', '亿元', 0.5, 2000],
  ['每万人发明专利拥有量', '件', 0.5, 150],
  ['科技财政支出占比', '%', 0.5, 12],
  ['规上工业企业研发机构覆盖率', '%', 5, 80],
  ['科技企业孵化器数量', '个', 1, 300],
  ['研发人员全时当量', '人年', 500, 400000],
  ['专利授权量', '件', 100, 250000],
  ['新产品销售收入占比', '%', 2, 45],
];
const CITIES = 300;
const YEAR0 = 1990;
const YEARS = 35; // 1990-2024

/** mulberry32(seed) -> () => [0, 1) */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** ensureBigCsv('bench/.build/big.csv', 1e6) -> { file, bytes, rows, reused } */
export async function ensureBigCsv(file, rows = 1_000_000) {
  if (existsSync(file) && statSync(file).size > 0)
    return { file, bytes: statSync(file).size, rows, reused: true };
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  const out = createWriteStream(tmp);
  const rnd = mulberry32(20240601);
  out.write(HEADER + '\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const city = 1 + Math.floor(rnd() * CITIES);
    const [name, unit, lo, hi] = INDICATORS[Math.floor(rnd() * INDICATORS.length)];
    const year = YEAR0 + Math.floor(rnd() * YEARS);
    const value = (lo + rnd() * (hi - lo)).toFixed(2);
    chunk += `示例市${city},${name},${year},${value},${unit}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.write(chunk);
  out.end();
  await once(out, 'finish');
  renameSync(tmp, file);
  return { file, bytes: statSync(file).size, rows, reused: false };
}
