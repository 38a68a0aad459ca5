/**
 * Output that lands in a CI log carries text a pull request controls (file names, and keys and values the messages
 * quote). The GitHub Actions runner reads the legacy command form "##[name]data" anywhere in a line, not only at its
 * start (actions/runner ActionCommandManager.TryProcessCommand tries ActionCommand.TryParseV2, then TryParse, which
 * looks for "##[" with IndexOf), for every registered command: error, warning, set-output, add-mask, stop-commands
 * (which pauses command processing for the rest of the step) and the others. "##[" is written "##\u005b": the JSON
 * escape of "[", so in json and sarif output the parsed values are exactly the same, and a reader of stylish or
 * stderr still sees which text it was. (A line starting with "::" is the other form: stylish.ts, github.ts.)
 */
export function withoutRunnerCommands(text: string): string {
  return text.replaceAll('##[', '##\\u005b');
}
