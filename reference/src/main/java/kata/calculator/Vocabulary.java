package kata.calculator;

/**
 * The 14 symbols, PAD START END + 0..9, and a tokenizer of one token per character.
 *
 * <p>Mistakes learners make here: {@code reference/known-wrong/14-calculator/}.
 */
public final class Vocabulary {

    /** The symbols in id order: the id of a symbol is its index. */
    private static final String SYMBOLS = "_^$+0123456789";

    private Vocabulary() {
    }

    /** 14. */
    public static int size() {
        return SYMBOLS.length();
    }

    /** 0. */
    public static int pad() {
        return SYMBOLS.indexOf('_');
    }

    /** 1: never PAD's id, or the first decoder input would be hidden padding. */
    public static int start() {
        return SYMBOLS.indexOf('^');
    }

    /** 2. */
    public static int end() {
        return SYMBOLS.indexOf('$');
    }

    /** One id per character. */
    public static int[] encode(String text) {
        int[] ids = new int[text.length()];
        for (int i = 0; i < ids.length; i++) {
            char c = text.charAt(i);
            ids[i] = SYMBOLS.indexOf(c);
            if (ids[i] < 0) {
                throw new IllegalArgumentException("'" + c + "' at index " + i + " is not in the vocabulary " + SYMBOLS);
            }
        }
        return ids;
    }

    /** One symbol per id. */
    public static String decode(int[] ids) {
        StringBuilder text = new StringBuilder(ids.length);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= SYMBOLS.length()) {
                throw new IllegalArgumentException("ids[" + i + "] = " + ids[i] + " is not an id of the vocabulary: ids are 0 to "
                        + (SYMBOLS.length() - 1));
            }
            text.append(SYMBOLS.charAt(ids[i]));
        }
        return text.toString();
    }
}
