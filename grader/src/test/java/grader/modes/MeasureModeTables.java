package grader.modes;

import java.util.List;

/** Opens {@link MeasureMode#best} to the tests of other packages. */
public final class MeasureModeTables {

    private MeasureModeTables() {
    }

    public static String best(List<String> tables) {
        return MeasureMode.best(tables);
    }
}
