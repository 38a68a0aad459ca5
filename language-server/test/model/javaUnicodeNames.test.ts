// The script and block names javaPropertyName.ts accepts after \p{Is…}, \p{In…}, sc= and blk= are the JVM's own
// (OpenJDK 17, the JDK scripts/install-test-deps.sh installs): a name missing here is a false "Unknown character
// property name" that blocks a deploy, a name too many lets through a value Marathon refuses (marathon-rules.md §4.5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JAVA_ASCII_NAMES, JAVA_BLOCK_NAMES, JAVA_SCRIPT_NAMES } from '../../src/model/app/javaUnicodeNames';

const here = dirname(fileURLToPath(import.meta.url));
const skip = spawnSync('javac', ['-version']).status === 0 ? false : 'needs a JDK (javac): apt install openjdk-17-jdk-headless (scripts/install-test-deps.sh does)';

test('javaUnicodeNames.ts holds exactly the JVM script and block names, and the names of the ASCII characters', { skip, timeout: 120_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'java-unicode-names-'));
  try {
    const javac = spawnSync('javac', ['-d', work, join(here, 'java/UnicodeNames.java')], { encoding: 'utf8' });
    assert.equal(javac.status, 0, javac.stderr);
    const run = spawnSync('java', ['--add-opens', 'java.base/java.lang=ALL-UNNAMED', '-cp', work, 'UnicodeNames'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const [scripts, blocks, ascii] = run.stdout.trim().split('\n');
    assert.deepEqual([...JAVA_SCRIPT_NAMES].sort(), scripts.split('|').sort(), 'regenerate javaUnicodeNames.ts from the first line');
    assert.deepEqual([...JAVA_BLOCK_NAMES].sort(), blocks.split('|').sort(), 'regenerate javaUnicodeNames.ts from the second line');
    assert.deepEqual(JAVA_ASCII_NAMES, ascii.split('|'), 'regenerate javaUnicodeNames.ts from the third line');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
