package reference.mutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Reads PIT's {@code mutations.xml} and looks up the source line of each mutant in the reference sources. */
final class MutationsXml {

    private final Path sourceRoot;
    private final Map<Path, List<String>> sources = new HashMap<>();

    /** @param sourceRoot the folder the mutated classes were compiled from ({@code reference/src/main/java}) */
    MutationsXml(Path sourceRoot) {
        this.sourceRoot = sourceRoot;
    }

    /** Every mutant in {@code xml}, in PIT's order. */
    List<Mutant> read(Path xml) {
        NodeList nodes = parse(xml).getElementsByTagName("mutation");
        List<Mutant> mutants = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            mutants.add(mutant((Element) nodes.item(i)));
        }
        return mutants;
    }

    private Mutant mutant(Element mutation) {
        String className = text(mutation, "mutatedClass");
        String mutator = text(mutation, "mutator");
        int line = Integer.parseInt(text(mutation, "lineNumber"));
        return new Mutant(className, text(mutation, "mutatedMethod"), line,
                mutator.substring(mutator.lastIndexOf('.') + 1), text(mutation, "description"),
                mutation.getAttribute("status"), sourceLine(className, text(mutation, "sourceFile"), line));
    }

    private String sourceLine(String className, String sourceFile, int line) {
        String packagePath = className.substring(0, Math.max(className.lastIndexOf('.'), 0)).replace('.', '/');
        List<String> lines = sources.computeIfAbsent(sourceRoot.resolve(packagePath).resolve(sourceFile),
                MutationsXml::readLines);
        return line >= 1 && line <= lines.size() ? lines.get(line - 1).strip() : "";
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    private static org.w3c.dom.Document parse(Path xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(xml.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read PIT's report " + xml + ": " + e.getMessage(), e);
        }
    }
}
