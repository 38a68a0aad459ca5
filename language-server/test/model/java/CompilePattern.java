// Compiles each pattern with java.util.regex.Pattern, as Marathon compiles a LIKE/UNLIKE value (marathon-rules.md §4.5).
// One pattern per stdin line, as hex UTF-16 code units (4 digits each); prints "OK" or "ERR <description> at index <n>".
// Compiled and run by javaRegexParity.test.ts.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

public class CompilePattern {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder();
    for (String line; (line = in.readLine()) != null; ) {
      StringBuilder p = new StringBuilder();
      for (int i = 0; i + 4 <= line.length(); i += 4) p.append((char) Integer.parseInt(line.substring(i, i + 4), 16));
      try {
        Pattern.compile(p.toString());
        out.append("OK\n");
      } catch (PatternSyntaxException e) {
        out.append("ERR ").append(e.getDescription()).append(" at index ").append(e.getIndex()).append('\n');
      }
    }
    System.out.print(out);
  }
}
