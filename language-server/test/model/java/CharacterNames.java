// Prints every Unicode character name Character.codePointOf looks up in its table (OpenJDK 17), one a line: the
// names Character.getName gives, less those it makes of a block's name and the code point in hex, which
// javaCharacterName.ts checks apart. Run by javaCharacterName.test.ts.
import java.util.Locale;

public class CharacterNames {
  public static void main(String[] args) {
    StringBuilder out = new StringBuilder();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      String name = Character.getName(cp);
      if (name == null) continue;
      Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
      String made = block == null ? null : block.toString().replace('_', ' ') + " " + Integer.toHexString(cp).toUpperCase(Locale.ROOT);
      if (!name.equals(made)) out.append(name).append('\n');
    }
    System.out.print(out);
  }
}
