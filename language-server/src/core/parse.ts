/**
 * Text → value. Fast path: native JSON.parse (no positions, no tree). Only when it throws do we pay for the
 * strict scanner (syntaxScan.ts), which says where the first error is and what is wrong, and for jsonc-parser's
 * best-effort value (the kind and the editor features still work on a half-typed document). A document with a
 * syntax error gets exactly one finding, for its first error (docs/rules/syntax.md): whatever follows it rests on
 * a guess of what was meant, and a recovering parser's guesses cascade into errors that are not there. When that
 * error shows a '{', '[' or string never closed, the finding is at the opener and the error's place is related
 * (unclosedOpener.ts). Empty and binary input get exactly one finding each too.
 */
import * as jsonc from 'jsonc-parser';
import { bracketSurplus } from './bracketSurplus';
import { findDuplicateKeys, mayHaveDuplicateKeys } from './duplicateKeys';
import type { Finding } from './finding';
import { skipWs } from './jsonCursor';
import { LineIndex } from './lineIndex';
import { firstSyntaxError, type SyntaxProblem } from './syntaxScan';
import { gaveUpMessage, strayQuoteMessage, syntaxMessage, unclosedMessage } from './syntaxMessage';
import { unclosedOpener } from './unclosedOpener';
import { strayQuote } from './strayQuote';
import type { InvalidUtf8 } from './types';
import { escapeControls } from './escapeControls';
import { quoted } from '../model/quoted';

/** Why a duplicate key matters, for definitions (a config file words it for the linter: config.ts). */
export const lastValueWins = "because JSON readers, Marathon's and Chronos's alike, keep only the last value";

export interface ParsedDocument {
  /** The text the offsets refer to: a leading BOM is replaced by a space, so offsets still match the original. */
  text: string;
  /** The parsed value; for text with syntax errors, jsonc-parser's best-effort recovery (or undefined). */
  value: unknown;
  /** True when the text is strict JSON (JSON.parse accepted it). */
  strict: boolean;
  findings: Finding[];
  /** Offset ↔ position, built on first use only. */
  lines(): LineIndex;
}

function syntaxFinding(message: string, offset: number, length: number): Finding {
  return { ruleId: 'syntax', severity: 'error', message, pointer: '', span: { offset, length } };
}

/** UTF-16 read as UTF-8: a byte-order mark (decoded as replacement characters) or ASCII interleaved with NULs. */
function looksUtf16(text: string): boolean {
  const sample = text.slice(0, 512);
  if (!sample.includes('\u0000')) return false;
  let nulAtEven = 0;
  let nulAtOdd = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0) (i % 2 === 0 ? nulAtEven++ : nulAtOdd++);
  return Math.max(nulAtEven, nulAtOdd) >= sample.length / 3 && Math.min(nulAtEven, nulAtOdd) <= sample.length / 50;
}

/**
 * Decoded binary data: NUL bytes, or many control / replacement characters near the start. Replacement characters
 * do not count when the reader said where the bytes stopped being UTF-8: a short Latin-1 file is text.
 */
function looksBinary(text: string, countReplacements: boolean): boolean {
  const sample = text.slice(0, 4096);
  if (sample.includes('\u0000')) return true;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c === 0xfffd && countReplacements)) odd++;
  }
  return odd > sample.length / 20;
}

/** JSON.parse, and the duplicate keys it silently resolved; undefined when the text is not strict JSON. */
function parseStrict(text: string): { value: unknown; findings: Finding[] } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined; // not strict JSON: the caller takes the slow path that explains why
  }
  const findings: Finding[] = [];
  if (mayHaveDuplicateKeys(text, value)) {
    for (const d of findDuplicateKeys(text)) {
      findings.push({
        ruleId: 'no-duplicate-keys',
        severity: 'warning',
        // Not a rule's message: runRules' escapeControls pass does not see it.
        message: escapeControls(
          `Duplicate key ${quoted(d.key)}: a later ${quoted(d.key)} in the same object overrides this one, ${lastValueWins}. ` +
            'Remove this one, or merge it into the later one.',
        ),
        pointer: d.pointer,
        target: 'key',
        span: { offset: d.offset, length: d.length },
      });
    }
  }
  return { value, findings };
}

/** `invalidUtf8`: a reader met a byte that is not UTF-8 (types.ts); the document is then that one finding. */
export function parseDocument(input: string, invalidUtf8?: InvalidUtf8): ParsedDocument {
  const text = input.charCodeAt(0) === 0xfeff ? ' ' + input.slice(1) : input;
  let lineIndex: LineIndex | undefined;
  const lines = () => (lineIndex ??= new LineIndex(text));
  const doc = (value: unknown, strict: boolean, findings: Finding[]): ParsedDocument => ({ text, value, strict, findings, lines });

  if (skipWs(text, 0) === text.length) {
    return doc(undefined, false, [
      syntaxFinding(
        'The document is empty. Marathon expects a JSON object: an app, a group or a pod (or a Chronos job). ' +
          'Write the definition, e.g. {"id": "/my-app", "cmd": "sleep 1000", "cpus": 0.1, "mem": 32}, or exclude this file from linting.',
        0,
        text.length,
      ),
    ]);
  }

  // Text with a byte that is not UTF-8 may still parse (in a string, as U+FFFD); Marathon's reader refuses it.
  const strict = invalidUtf8 === undefined ? parseStrict(text) : undefined;
  if (strict) return doc(strict.value, true, strict.findings);

  if (looksUtf16(text)) {
    return doc(undefined, false, [
      syntaxFinding(
        'This text looks like UTF-16 read as UTF-8 (every other character is NUL): the file was opened in the wrong encoding. ' +
          'Marathon reads UTF-16 as well, but what it would deploy cannot be seen here: reopen the file as UTF-16 (marathon-lint reads it so), or save it as UTF-8.',
        0,
        0,
      ),
    ]);
  }
  if (looksBinary(text, invalidUtf8 === undefined)) {
    return doc(undefined, false, [
      syntaxFinding(
        'This file is binary data, not JSON text (it contains NUL or other control bytes). Marathon only accepts JSON documents. ' +
          'Check that the right file is being linted, and that it is saved as UTF-8 text.',
        0,
        0,
      ),
    ]);
  }

  if (invalidUtf8 !== undefined) {
    // Marathon reads a body's bytes as UTF-8 with Jackson, which fails on the first bad byte ("Invalid UTF-8 start
    // byte" / "middle byte") with 400 "Invalid JSON" (marathon-api.md §12): nothing after it is read.
    const hex = `0x${invalidUtf8.byte.toString(16).toUpperCase().padStart(2, '0')}`;
    return doc(undefined, false, [
      syntaxFinding(
        `This file is not valid UTF-8: the byte ${hex} here does not start a complete UTF-8 character. Marathon reads JSON as UTF-8 and rejects this document ("Invalid JSON"). ` +
          'The file was probably saved in another encoding (Latin-1 or Windows-1252, say): save it as UTF-8 and lint it again.',
        invalidUtf8.offset,
        1,
      ),
    ]);
  }

  let value: unknown;
  try {
    value = jsonc.parse(text, [], { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    // jsonc-parser recurses per nesting level and overflows on very deep input; the scanner below does not.
    value = undefined;
  }
  const p: SyntaxProblem = firstSyntaxError(text) ?? { offset: 0, length: 0, expected: 'valid JSON', open: [] };
  // A bracket or string never closed: the finding is at its opener, where the mistake is; where the parser gave up,
  // often far below or at the end of the file, is related (docs/rules/syntax.md).
  const u = unclosedOpener(text, p);
  if (u) {
    const at = (o: number | undefined) => (o === undefined ? undefined : lines().positionAt(o));
    const message = escapeControls(unclosedMessage(text, p.offset, p.expected, u, at(u.offset)!, at(p.offset)!, at(u.closeAt)));
    const finding = syntaxFinding(message, u.offset, 1);
    finding.related = [{ offset: p.offset, length: p.length, message: gaveUpMessage(text, p.offset, p.expected) }];
    return doc(value, false, [finding]);
  }
  // A '"' inside a string not escaped: the finding is at the quote that ended the string early (strayQuote.ts).
  const s = strayQuote(text, p);
  if (s) {
    const at = (o: number) => lines().positionAt(o);
    const message = escapeControls(strayQuoteMessage(text, p.offset, p.expected, s, at(s.offset), at(p.offset), s.others.map(at), s.backslashes.map(at), s.closeAt === undefined ? undefined : at(s.closeAt)));
    const finding = syntaxFinding(message, s.offset, 1);
    finding.related = [{ offset: p.offset, length: p.length, message: gaveUpMessage(text, p.offset, p.expected) }];
    return doc(value, false, [finding]);
  }
  const openArray = p.openArray === undefined ? undefined : lines().positionAt(p.openArray);
  const innermost = p.open.length === 0 ? undefined : lines().positionAt(p.open[p.open.length - 1]);
  const noneMissing = openArray !== undefined && bracketSurplus(text) <= 0;
  return doc(value, false, [syntaxFinding(syntaxMessage(text, p.offset, p.expected, lines().positionAt(p.offset), openArray, innermost, noneMissing), p.offset, p.length)]);
}
