#!/usr/bin/env node
// A second, independent reader and writer of PNG text chunks for Badgesmith's
// interop tests, built on the npm libraries png-chunks-extract (split a PNG
// into chunks, checking every CRC), png-chunks-encode (join chunks back into
// a PNG, computing CRCs) and png-itxt (encode an iTXt chunk's data).
//
//   node png_chunks.mjs read FILE KEYWORD
//       Prints the text of the first iTXt, zTXt or tEXt chunk whose keyword is
//       KEYWORD, decoded as the PNG specification says (iTXt: UTF-8, inflated
//       when its compression flag is set; zTXt: inflated Latin-1; tEXt:
//       Latin-1), as UTF-8 on stdout with nothing added. Exit 1 when there is
//       no such chunk.
//   node png_chunks.mjs write IN OUT KEYWORD TEXTFILE
//       Writes OUT: IN with an uncompressed iTXt chunk (no language tag, no
//       translated keyword) holding the UTF-8 text of TEXTFILE inserted right
//       after IHDR. Chunks already in IN are kept as they are.
//   node png_chunks.mjs list FILE
//       Prints a JSON array with one object per chunk, in file order:
//       {type, length, sha256, keyword?} (keyword for text chunks only).
//
// Any failure prints one line on stderr and exits 2.

import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import extractChunks from 'png-chunks-extract';
import encodeChunks from 'png-chunks-encode';
import pngItxt from 'png-itxt';

const TEXT_CHUNKS = new Set(['iTXt', 'zTXt', 'tEXt']);
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const latin1 = new TextDecoder('latin1');

class Usage extends Error {}

function fail(message, code = 2) {
  process.stderr.write(`png_chunks.mjs: ${message}\n`);
  process.exit(code);
}

function chunksOf(file) {
  return extractChunks(readFileSync(file));
}

// The keyword of a text chunk: the bytes before the first NUL (Latin-1).
function splitKeyword(data) {
  const nul = data.indexOf(0);
  if (nul < 1 || nul > 79) {
    throw new Error(`a text chunk without a valid keyword (NUL at ${nul})`);
  }
  return { keyword: latin1.decode(data.subarray(0, nul)), rest: data.subarray(nul + 1) };
}

function keywordOf(chunk) {
  return TEXT_CHUNKS.has(chunk.name) ? splitKeyword(chunk.data).keyword : undefined;
}

// Decodes a text chunk's text to a JS string, per the PNG specification.
function textOf(chunk) {
  const { rest } = splitKeyword(chunk.data);
  switch (chunk.name) {
    case 'tEXt':
      return latin1.decode(rest);
    case 'zTXt': {
      if (rest[0] !== 0) throw new Error(`zTXt compression method ${rest[0]}`);
      return latin1.decode(inflateSync(rest.subarray(1)));
    }
    case 'iTXt': {
      const flag = rest[0];
      const method = rest[1];
      let at = 2;
      const langEnd = rest.indexOf(0, at);
      if (langEnd < 0) throw new Error('iTXt without a language tag terminator');
      at = langEnd + 1;
      const translatedEnd = rest.indexOf(0, at);
      if (translatedEnd < 0) throw new Error('iTXt without a translated keyword terminator');
      let text = rest.subarray(translatedEnd + 1);
      if (flag === 1) {
        if (method !== 0) throw new Error(`iTXt compression method ${method}`);
        text = inflateSync(text);
      } else if (flag !== 0) {
        throw new Error(`iTXt compression flag ${flag}`);
      }
      return utf8.decode(text);
    }
    default:
      throw new Error(`not a text chunk: ${chunk.name}`);
  }
}

function read(file, keyword) {
  const chunk = chunksOf(file).find((c) => keywordOf(c) === keyword);
  if (!chunk) fail(`no iTXt, zTXt or tEXt chunk with keyword ${JSON.stringify(keyword)} in ${file}`, 1);
  process.stdout.write(Buffer.from(textOf(chunk), 'utf8'));
}

function write(input, output, keyword, textFile) {
  const text = utf8.decode(readFileSync(textFile));
  const chunks = chunksOf(input);
  if (chunks[0]?.name !== 'IHDR') throw new Error(`${input} does not start with IHDR`);
  // png-itxt builds the chunk data: keyword, NUL, compression flag 0,
  // method 0, empty language tag, empty translated keyword, UTF-8 text.
  const data = pngItxt.createChunk({ type: pngItxt.iTXt, keyword, value: text, compressed: false });
  chunks.splice(1, 0, { name: 'iTXt', data: new Uint8Array(data) });
  writeFileSync(output, Buffer.from(encodeChunks(chunks)));
}

function list(file) {
  const rows = chunksOf(file).map((c) => {
    const row = {
      type: c.name,
      length: c.data.length,
      sha256: createHash('sha256').update(c.data).digest('hex'),
    };
    const keyword = keywordOf(c);
    if (keyword !== undefined) row.keyword = keyword;
    return row;
  });
  process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
}

try {
  const [command, ...args] = process.argv.slice(2);
  const arity = { read: 2, write: 4, list: 1 };
  if (!(command in arity) || args.length !== arity[command]) {
    throw new Usage('usage: png_chunks.mjs read FILE KEYWORD | write IN OUT KEYWORD TEXTFILE | list FILE');
  }
  ({ read, write, list })[command](...args);
} catch (e) {
  fail(e instanceof Usage ? e.message : `${e.message ?? e}`);
}
