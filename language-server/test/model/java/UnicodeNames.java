// Prints the script names (with their ISO 15924 aliases) and the block names java.util.regex looks a \p{…} up in,
// upper-cased and '|'-joined, one line each: Character.UnicodeScript.forName and Character.UnicodeBlock.forName;
// then the names of the ASCII characters, in code point order, as \N{…} takes them (Character.getName, codePointOf).
// Run by javaUnicodeNames.test.ts (java --add-opens java.base/java.lang=ALL-UNNAMED: the block names are a private map).
import java.lang.reflect.Field;
import java.util.Map;
import java.util.TreeSet;

public class UnicodeNames {
  public static void main(String[] args) throws Exception {
    TreeSet<String> scripts = new TreeSet<>();
    for (Character.UnicodeScript s : Character.UnicodeScript.values()) scripts.add(s.name());
    // The aliases are four letters; forName is asked for every four-letter name.
    char[] c = new char[4];
    for (c[0] = 'A'; c[0] <= 'Z'; c[0]++)
      for (c[1] = 'A'; c[1] <= 'Z'; c[1]++)
        for (c[2] = 'A'; c[2] <= 'Z'; c[2]++)
          for (c[3] = 'A'; c[3] <= 'Z'; c[3]++) {
            try {
              Character.UnicodeScript.forName(new String(c));
              scripts.add(new String(c));
            } catch (IllegalArgumentException notAScript) {
            }
          }
    Field map = Character.UnicodeBlock.class.getDeclaredField("map");
    map.setAccessible(true);
    TreeSet<String> blocks = new TreeSet<>(((Map<?, ?>) map.get(null)).keySet().stream().map(String::valueOf).toList());
    System.out.println(String.join("|", scripts));
    System.out.println(String.join("|", blocks));
    StringBuilder ascii = new StringBuilder();
    for (int cp = 0; cp < 128; cp++) ascii.append(cp == 0 ? "" : "|").append(Character.getName(cp));
    System.out.println(ascii);
  }
}
