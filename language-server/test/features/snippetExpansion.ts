/**
 * An LSP snippet as an editor inserts it when the user tabs through: each placeholder's default, a choice's first
 * option, tab stops empty (LSP specification, "Snippet Syntax"). Enough to check that accepted text is JSON.
 */
export function expandSnippet(snippet: string): string {
  let i = 0;
  const parse = (inPlaceholder: boolean): string => {
    let out = '';
    while (i < snippet.length) {
      const c = snippet[i];
      if (c === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1])) {
        out += snippet[i + 1];
        i += 2;
        continue;
      }
      if (inPlaceholder && c === '}') return out;
      const tabStop = /^\$(\d+)|^\$\{(\d+)\}/.exec(snippet.slice(i, i + 12));
      if (tabStop) {
        i += tabStop[0].length;
        continue;
      }
      const open = /^\$\{\d+([:|])/.exec(snippet.slice(i, i + 12));
      if (open && open[1] === ':') {
        i += open[0].length;
        out += parse(true);
        i++; // the closing }
        continue;
      }
      if (open) {
        i += open[0].length;
        const options: string[] = [''];
        while (i < snippet.length && snippet[i] !== '|') {
          if (snippet[i] === '\\') {
            options[options.length - 1] += snippet[i + 1];
            i += 2;
          } else if (snippet[i] === ',') {
            options.push('');
            i++;
          } else options[options.length - 1] += snippet[i++];
        }
        i += 2; // |}
        out += options[0];
        continue;
      }
      out += c;
      i++;
    }
    return out;
  };
  return parse(false);
}
