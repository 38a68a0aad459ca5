/**
 * For the syntax tests that delete a closing bracket from valid JSON: the offset of the opener each closing bracket
 * closes, so a test knows which '{' or '[' the finding must name.
 */
export function bracketOpeners(text: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (ch === '{' || ch === '[') stack.push(i);
    else if (ch === '}' || ch === ']') pairs.set(i, stack.pop()!);
  }
  return pairs;
}
