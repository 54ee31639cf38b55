import { describe, expect, it } from 'vitest';
import { detectDialect } from '../../../src/lib/import/delimiter';

describe('detecting the delimiter', () => {
  it('finds commas', () => {
    expect(detectDialect('城市,指标,年份,数值\n芜湖,研发,2022,3.1\n')).toEqual({
      delimiter: ',',
      newline: '\n',
    });
  });

  it('finds tabs even when numbers contain commas', () => {
    expect(detectDialect('城市\t数值\n芜湖\t1,234\n福州\t2,345.6\n').delimiter).toBe('\t');
  });

  it('finds semicolons in a file with decimal commas', () => {
    expect(detectDialect('城市;指标;年份;数值\n芜湖;研发;2021;2,91\n芜湖;研发;2022;3,10\n').delimiter).toBe(
      ';',
    );
  });

  it('ignores delimiters inside quotes, including quoted line breaks', () => {
    const t = '城市;备注;数值\n芜湖;"a,b,c\nd,e,f";1\n福州;"x,y,z";2\n';
    expect(detectDialect(t).delimiter).toBe(';');
  });

  it('is not fooled by title rows without delimiters', () => {
    expect(
      detectDialect('芜湖市科技指标统计表\n单位：亿元\n城市\t指标\t2021\n芜湖\t研发\t1\n').delimiter,
    ).toBe('\t');
  });

  it('treats CRLF files as "\\n" files (the trailing \\r is trimmed per row) and bare CR as "\\r"', () => {
    expect(detectDialect('a,b\r\n1,2\r\n').newline).toBe('\n');
    expect(detectDialect('a,b\r1,2\r').newline).toBe('\r');
  });

  it('falls back to a comma for a single column', () => {
    expect(detectDialect('城市\n芜湖\n').delimiter).toBe(',');
  });
});
