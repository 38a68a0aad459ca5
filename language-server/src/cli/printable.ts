/**
 * Text from outside (file names above all) made safe for a human-readable line: control characters are shown as
 * escapes instead of acting. A newline in a file name must not start a new output line, where a CI runner would
 * read a forged `::error file=…` command (GitHub workflow commands are whole lines), and an ESC must not drive
 * the terminal. The `github` and `json` formats escape by their own rules; this is for stylish, stderr and progress.
 */
import { escapeControls } from '../core/escapeControls';
import { withoutRunnerCommands } from './runnerCommands';

export function printable(s: string): string {
  return withoutRunnerCommands(escapeControls(s));
}
