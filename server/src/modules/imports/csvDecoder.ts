import { badImportFile } from './importErrors';

const SNIFF_BYTES = 64 * 1024;

/**
 * Decode CSV bytes into text chunks as they arrive. UTF-8 (with or without BOM) is the norm; a file that is not
 * valid UTF-8 in its first 64 KB is read as GB18030, which is what Excel on Chinese Windows saves as "CSV".
 */
export async function* decodeCsvText(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const head: Buffer[] = [];
  let headBytes = 0;
  const it = source[Symbol.asyncIterator]();
  let done = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  let first = Buffer.concat(head);
  let encoding = 'utf-8';
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) first = first.subarray(3);
  else if (!isUtf8Prefix(first, done)) encoding = 'gb18030';
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  const decode = (chunk: Buffer | undefined): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw badImportFile('文件编码无法识别：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再上传');
    }
  };
  yield decode(first);
  if (!done) {
    for (let next = await it.next(); !next.done; next = await it.next()) yield decode(next.value);
  }
  const tail = decode(undefined);
  if (tail) yield tail;
}

function isUtf8Prefix(bytes: Buffer, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}
