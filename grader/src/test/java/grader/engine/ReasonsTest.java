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

    @Test
    @DisplayName("an error spec that caught the wrong exception shows the learner's frames only, no JUnit or reflection")
    void anErrorSpecShowsOnlyTheLearnersFrames() {
        IllegalStateException thrown = new IllegalStateException("row 0 has no key");
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("kata.attention.ScaledDotProductAttention", "attend", "ScaledDotProductAttention.java", 42),
            new StackTraceElement("kata.attention.AttentionSpec", "lambda$noKeys$3", "AttentionSpec.java", 310),
            new StackTraceElement("org.assertj.core.api.ThrowableAssert", "catchThrowable", "ThrowableAssert.java", 63),
            new StackTraceElement("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", "DirectMethodHandleAccessor.java", 103),
            new StackTraceElement("org.junit.platform.commons.util.ReflectionUtils", "invokeMethod", "ReflectionUtils.java", 767)});
        AssertionError failure = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () ->
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                    throw thrown;
                }).isInstanceOf(IllegalArgumentException.class));
        assertThat(failure.getMessage()).as("AssertJ quotes the trace").contains("org.assertj").contains("remaining lines");

        String reason = Reasons.explain(failure, 10);

        assertThat(reason).contains("IllegalArgumentException").contains("IllegalStateException: row 0 has no key")
                .contains("at kata.attention.ScaledDotProductAttention.attend(ScaledDotProductAttention.java:42)")
                .doesNotContain("junit").doesNotContain("reflect").doesNotContain("assertj").doesNotContain("AttentionSpec")
                .doesNotContain("remaining lines");
    }

    @Test
    @DisplayName("a property on a skeleton says \"not written yet\", as an example does")
    void aPropertyOnASkeleton() {
        String report = REPORT.replace(
                "java.lang.AssertionError: [variance over axis 0] Expected every element within 1.0E-9 of the expected tensor, but 1 of 1 differ.\n"
                        + "  first difference at [0]: expected 0.0 but was NaN (difference NaN)",
                "java.lang.UnsupportedOperationException: TODO(01): the biased variance over the axis");

        assertThat(Reasons.explain(new AssertionError(report), 10))
                .isEqualTo("not written yet: TODO(01): the biased variance over the axis");
    }

    @Test
    @DisplayName("a skeleton's TODO is \"not written yet\" wherever it comes from: wrapped in another exception too")
    void aWrappedTodo() {
        RuntimeException wrapped = new RuntimeException("while building the stand-in",
                new UnsupportedOperationException("TODO(07): split the heads"));

        assertThat(Reasons.explain(wrapped, 10)).isEqualTo("not written yet: TODO(07): split the heads");
        assertThat(Reasons.explain(new ExceptionInInitializerError(new UnsupportedOperationException("TODO(11): the table")), 10))
                .isEqualTo("not written yet: TODO(11): the table");
    }
}
