import { describe, expect, it } from 'vitest';
import { readCsvRows, type CsvRows, type CsvRowsOptions } from '../src/parse/csv-rows.js';

const rows = (text: string, options: Partial<CsvRowsOptions> = {}): CsvRows => readCsvRows(text, { delimiter: ',', ...options });
/** Each record as `line: field|field`. */
const lines = (r: CsvRows): string[] => r.rows.map((x) => `${x.line}: ${x.fields.join('|')}`);

// The CSV reader of every CSV input (transcripts, gold codings, roles files): RFC 4180, forgiving
// of stray quotes as Papa Parse (which it replaced) was, with the line each record starts on.
describe('readCsvRows', () => {
  it.each<[string, string, Partial<CsvRowsOptions>, string[]]>([
    ['plain records', 'a,b\nc,d', {}, ['1: a|b', '2: c|d']],
    ['CRLF, CR and LF line ends, mixed', 'a,b\r\nc,d\re,f\ng,h\r\n', {}, ['1: a|b', '2: c|d', '3: e|f', '4: g|h']],
    ['blank lines skipped, lines still counted', '\n\na,b\n\n\nc\n', {}, ['3: a|b', '6: c']],
    ['a byte-order mark dropped', '\uFEFFa,b', {}, ['1: a|b']],
    ['quoted delimiters, doubled quotes and line breaks', '"a,b","say ""hi""","one\ntwo"\nnext', {}, ['1: a,b|say "hi"|one\ntwo', '3: next']],
    ['a record after a quoted CRLF starts on the right line', '"x\r\ny\r\nz",1\r\nw,2', {}, ['1: x\r\ny\r\nz|1', '4: w|2']],
    ['spaces after a closing quote', '"a"  ,b\n"c" \nd', {}, ['1: a|b', '2: c', '3: d']],
    ['a quote inside an unquoted field is text', 'it"s,fine"', {}, ['1: it"s|fine"']],
    ['a quote inside a quoted field, not before a delimiter, is text', '"ab"c",d', {}, ['1: ab"c|d']],
    ['empty fields kept, a lone empty field is a blank line', 'a,,b\n,\n""\nc', {}, ['1: a||b', '2: |', '4: c']],
    ['other delimiters', 'a;b\tc', { delimiter: ';' }, ['1: a|b\tc']],
    ['tab-separated with quotes off', 'A\t"Hi\nB\tOk', { delimiter: '\t', quoted: false }, ['1: A|"Hi', '2: B|Ok']],
    ['trimmed fields; a quote after a space opens no quoted field', ' a ,"b ", "c" ', { trim: true }, ['1: a|b|"c"']],
    ['nothing', '', {}, []],
  ])('%s', (_, text, options, expected) => {
    const r = rows(text, options);
    expect(lines(r)).toEqual(expected);
    expect(r.unclosedQuoteLine).toBeUndefined();
  });

  it('runs a quoted field that is never closed to the end of the text, and says on which line its record starts', () => {
    const r = rows('a,b\nc,"never\nclosed,x\ny');
    expect(lines(r)).toEqual(['1: a|b', '2: c|never\nclosed,x\ny']);
    expect(r.unclosedQuoteLine).toBe(2);
  });
});
