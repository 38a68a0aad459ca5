/**
 * The golden scenario format (after Spectral's test-harness): one file, sections headed `====name====`.
 *   test             what the scenario shows (free text)
 *   document         written to `document.json`; `{document}` in the command names it
 *   asset:<path>     written to <path> (relative, directories created)
 *   setup            shell run in the scenario directory before the command (symlinks, binary or huge files)
 *   marathon         arguments for a stand-in Marathon (test/standins/marathon/main.ts) started for the
 *                    scenario; `{marathon}` in the command and in the expected output stands for its URL
 *   stdin            piped to the command
 *   command          `{bin}` is the built CLI
 *   status           expected exit code
 *   stdout, stderr   expected output (stderr is only compared when the section exists)
 * A section's body is the text up to the next header, without the newline that ends its last line.
 */
export interface Section {
  name: string;
  body: string;
}

const header = /^====([a-z]+(?::[^=]+)?)====$/;

export function parseScenario(text: string, file: string): Section[] {
  const sections: Section[] = [];
  let current: { name: string; lines: string[] } | undefined;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const [i, line] of lines.entries()) {
    const m = header.exec(line);
    if (m) {
      if (current) sections.push({ name: current.name, body: current.lines.join('\n') });
      current = { name: m[1], lines: [] };
    } else if (current) {
      current.lines.push(line);
    } else if (line.trim() !== '') {
      throw new Error(`${file}:${i + 1}: text before the first ====section==== header`);
    }
  }
  if (current) sections.push({ name: current.name, body: current.lines.join('\n') });
  return sections;
}

export function serializeScenario(sections: readonly Section[]): string {
  return sections.map((s) => `====${s.name}====\n${s.body === '' ? '' : s.body + '\n'}`).join('');
}

/** Output compared modulo one trailing newline, the way it is stored. */
export function normalizeOutput(s: string): string {
  return s.replace(/\r\n/g, '\n').replace(/\n$/, '');
}
