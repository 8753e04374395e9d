package kata.tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * The pre-split (预切分): cuts a text into chunks before BPE sees it. Merges never cross a chunk
 * boundary, so a token never spans a word and the space or punctuation after it, and "dog." and
 * "dog!" share the token "dog".
 */
public final class PreSplit {

    private static final int WHITESPACE = 0;
    private static final int HAN = 1;
    private static final int LETTER = 2;
    private static final int DIGIT = 3;
    private static final int MARK = 4;
    private static final int OTHER = 5;

    private PreSplit() {
    }

    private static int classOf(int cp) {
        if (Character.isWhitespace(cp)) {
            return WHITESPACE;
        }
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
            return HAN;
        }
        if (Character.isLetter(cp)) {
            return LETTER;
        }
        if (Character.isDigit(cp)) {
            return DIGIT;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK) {
            return MARK;
        }
        return OTHER;
    }

    /**
     * Cuts {@code text} into its chunks by the rule above.
     *
     * @param text any text (special tokens are cut out before this is called)
     * @return the chunks in order, a fresh list
     */
    public static List<String> chunks(String text) {
        // first the runs of one class
        List<String> runs = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        int start = 0;
        int runClass = -1;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int c = classOf(cp);
            if (c == MARK) {
                c = (runClass == -1 || runClass == WHITESPACE) ? OTHER : runClass;
            }
            if (c != runClass && runClass != -1) {
                runs.add(text.substring(start, i));
                classes.add(runClass);
                start = i;
            }
            runClass = c;
            i += Character.charCount(cp);
        }
        if (start < text.length()) {
            runs.add(text.substring(start));
            classes.add(runClass);
        }
        // then a whitespace run's last space moves to the run after it
        List<String> chunks = new ArrayList<>();
        String carry = "";
        for (int r = 0; r < runs.size(); r++) {
            String run = carry + runs.get(r);
            carry = "";
            if (classes.get(r) == WHITESPACE && r + 1 < runs.size() && run.endsWith(" ")) {
                carry = " ";
                run = run.substring(0, run.length() - 1);
            }
            if (!run.isEmpty()) {
                chunks.add(run);
            }
        }
        return chunks;
    }
}
