package grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A failing property is reported by what helps the learner")
class ReasonsTest {

    private static final String REPORT = """
            Property falsified after 1 example(s)\s
            Smallest found falsifying value(s) :-
            x = shape [1] [-10], axis 0
            Cause was :-
            java.lang.AssertionError: [variance over axis 0] Expected every element within 1.0E-9 of the expected tensor, but 1 of 1 differ.
              first difference at [0]: expected 0.0 but was NaN (difference NaN)
            \tat kata-01//kata.reduction.Reduction.variance(Reduction.java:146)
            \tat kata-01//kata.reduction.ReductionProperties.lambda$variance$13(ReductionProperties.java:280)
            \tat org.quicktheories.dsl.TheoryBuilder.lambda$checkAssert$7(TheoryBuilder.java:145)
            \tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)

            Other found falsifying value(s) :-\s
            x = shape [1], strides [0], offset 0 [-10], axis 0
            x = shape [1], strides [0], offset 0 [-10], axis 0
            \s
            Seed was 1000003""";

    @Test
    @DisplayName("the smallest counterexample, the assertion with expected and actual, the learner's frames and the seed")
    void aPropertyReport() {
        String reason = Reasons.property(REPORT);

        assertThat(reason).startsWith("property falsified; smallest counterexample: x = shape [1] [-10], axis 0\n")
                .contains("expected 0.0 but was NaN")
                .contains("at kata.reduction.Reduction.variance(Reduction.java:146)")
                .endsWith("Seed was 1000003: replay it with -DQT_SEED=1000003")
                .doesNotContain("quicktheories").doesNotContain("ReductionProperties").doesNotContain("NativeMethod")
                .doesNotContain("Other found").doesNotContain("strides [0]");
    }
}
