package kata.tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * The pre-split: runs of one code point class, a whitespace run's last space moved to the run
 * after it (so " world" is one chunk, as in GPT-2).
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>Splitting on whitespace only, so that "Hello," is one chunk and the comma merges with the
 *       word: {@code TokenizerSpec#thePreSplitCutsRunsOfOneClass}.</li>
 *   <li>Treating Chinese as letters, so that "GPT模型" is one chunk:
 *       {@code TokenizerSpec#thePreSplitCutsRunsOfOneClass}.</li>
 *   <li>Walking chars instead of code points, so that an astral letter or Han character (two
 *       surrogates, each classified OTHER) leaves its run:
 *       {@code TokenizerSpec#thePreSplitClassifiesCodePoints}.</li>
 * </ul>
 */
public final class PreSplit {

    private enum Kind { WHITESPACE, HAN, LETTER, DIGIT, MARK, OTHER }

    private PreSplit() {
    }

    /** Cuts {@code text} into its chunks. */
    public static List<String> chunks(String text) {
        List<String> runs = runs(text);
        List<String> chunks = new ArrayList<>();
        String carried = "";                                 // a space moved to the next run
        for (int r = 0; r < runs.size(); r++) {
            String run = runs.get(r);
            boolean spaceMoves = r + 1 < runs.size() && run.endsWith(" ");   // only a whitespace run ends with a space
            String chunk = carried + (spaceMoves ? run.substring(0, run.length() - 1) : run);
            carried = spaceMoves ? " " : "";
            if (!chunk.isEmpty()) {                          // a lone space that moved leaves nothing
                chunks.add(chunk);
            }
        }
        return chunks;
    }

    /** The longest stretches of one class; a mark continues the run before it. */
    private static List<String> runs(String text) {
        List<String> runs = new ArrayList<>();
        int start = 0;
        Kind current = null;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            Kind kind = kind(text.codePointAt(i));
            if (kind == Kind.MARK) {
                kind = current == null || current == Kind.WHITESPACE ? Kind.OTHER : current;
            }
            if (kind != current && current != null) {
                runs.add(text.substring(start, i));
                start = i;
            }
            current = kind;
        }
        if (current != null) {
            runs.add(text.substring(start));
        }
        return runs;
    }

    private static Kind kind(int codePoint) {
        if (Character.isWhitespace(codePoint)) {
            return Kind.WHITESPACE;
        }
        if (Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN) {
            return Kind.HAN;                                 // before LETTER: Han characters are letters too
        }
        if (Character.isLetter(codePoint)) {
            return Kind.LETTER;
        }
        if (Character.isDigit(codePoint)) {
            return Kind.DIGIT;
        }
        int type = Character.getType(codePoint);
        boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
        return mark ? Kind.MARK : Kind.OTHER;
    }
}
