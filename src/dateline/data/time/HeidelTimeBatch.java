// Runs HeidelTime standalone on many documents in one JVM, so a benchmark measures tagging
// time rather than one JVM start-up per document. Written for dateline's TempEval-3 bench.
// Usage: java -cp heideltime.jar:. HeidelTimeBatch config.props manifest.tsv
// manifest.tsv lines: <input .txt path> TAB <DCT as YYYY-MM-DD> TAB <output .tml path>
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.List;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
            Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd");
        List<String> lines = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
        for (String line : lines) {
            String[] f = line.split("\t");
            if (f.length < 3) continue;
            String text = new String(Files.readAllBytes(Paths.get(f[0])), StandardCharsets.UTF_8);
            String out = tagger.process(text, iso.parse(f[1]));
            Files.write(Paths.get(f[2]), out.getBytes(StandardCharsets.UTF_8));
        }
    }
}
