// Reads bodies as Marathon's reader does: Jackson's byte parser (play-json's Json.parse(Array[Byte]) runs it), one
// value, what follows unread. One body per stdin line (hex); prints "OK <the value as ASCII JSON>" or "ERR <why>".
// Compiled and run by jacksonParity.test.ts against the jackson-core jar Debian ships (libjackson2-core-java).
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

public class ReadFirstValue {
  public static void main(String[] args) throws Exception {
    JsonFactory factory = new JsonFactory();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder();
    for (String line; (line = in.readLine()) != null; ) {
      byte[] body = new byte[line.length() / 2];
      for (int i = 0; i < body.length; i++) body[i] = (byte) Integer.parseInt(line.substring(2 * i, 2 * i + 2), 16);
      try (JsonParser p = factory.createParser(body)) {
        if (p.nextToken() == null) throw new IllegalStateException("no content");
        StringWriter w = new StringWriter();
        try (JsonGenerator g = factory.createGenerator(w)) {
          g.enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);
          g.copyCurrentStructure(p);
        }
        out.append("OK ").append(w).append('\n');
      } catch (Exception e) {
        out.append("ERR ").append(String.valueOf(e.getMessage()).split("\n")[0]).append('\n');
      }
    }
    System.out.print(out);
  }
}
