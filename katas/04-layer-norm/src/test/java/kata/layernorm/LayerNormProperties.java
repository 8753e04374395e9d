package kata.layernorm;

import static kata.support.testing.Generators.anyLayouts;
import static kata.support.testing.Generators.nonEmptyShapes;
import static kata.support.testing.Generators.shapes;
import static kata.support.testing.TensorAssert.assertThatTensor;
import static kata.support.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.List;
import kata.support.Matrices;
import kata.support.Tensor;
import kata.support.TensorFunction;
import kata.support.Tolerance;
import kata.support.testing.Indices;
import kata.support.testing.Inputs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quicktheories.core.Gen;

@Tag("kata-04")
@Order(4)
@DisplayName("04 Layer normalization: invariants")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LayerNormProperties {

    /** Examples per property: enough to meet every rank, layout and eps, small enough to stay fast. */
    private static final int EXAMPLES = 100;

    /** A tensor x of shape (..., d), gamma and beta of shape (d), each in any layout, and an eps. */
    private record Case(Tensor x, Tensor gamma, Tensor beta, double eps) {

        LayerNorm norm() {
            return new LayerNorm(gamma, beta, eps);
        }

        @Override
        public String toString() {
            return "x = " + x + ", gamma = " + gamma + ", beta = " + beta + ", eps = " + eps;
        }
    }

    /** A sequence x (T, d) and a linear sublayer x W + b, W (d, d), each tensor in any layout. */
    private record Wiring(Tensor x, Tensor weight, Tensor bias, double eps) {

        TensorFunction sublayer() {
            return v -> Matrices.linear(v, weight, bias);
        }

        @Override
        public String toString() {
            return "x = " + x + ", W = " + weight + ", b = " + bias + ", eps = " + eps;
        }
    }

    /** Model sizes: d = numHeads * headDim, so that the head count divides d. */
    private record Sizes(int numHeads, int headDim, int dFF) {

        int dModel() {
            return numHeads * headDim;
        }

        @Override
        public String toString() {
            return "dModel = " + dModel() + ", numHeads = " + numHeads + ", dFF = " + dFF;
        }
    }

    @Test
    @Order(1)
    @DisplayName("LN(x) is gamma * (x - mu) / sqrt(var + eps) + beta row by row, for every shape and layout")
    void layerNormIsTheDefinitionRowByRow() {
        qt().withExamples(EXAMPLES).forAll(cases(shapes(1, 3))).checkAssert(c -> {
            Inputs inputs = Inputs.snapshot("x", c.x(), "gamma", c.gamma(), "beta", c.beta());

            Tensor y = c.norm().apply(c.x());

            inputs.assertUntouched();
            assertThatTensor(y)
                    .describedAs("LN of %s: each row minus its mean, divided by sqrt(biased variance + eps), times"
                            + " gamma, plus beta; a fresh row-major tensor", c)
                    .isCloseTo(definition(c.x(), c.gamma(), c.beta(), c.eps()))
                    .doesNotShareStorageWith(c.x())
                    .hasStrides(Tensor.zeros(c.x().shape()).strides());
        });
    }

    @Test
    @Order(2)
    @DisplayName("with gamma 1 and beta 0 every row has mean 0 and variance var / (var + eps)")
    void everyRowHasMeanZeroAndVarianceVarOverVarPlusEps() {
        // Rows need elements: an empty row has no mean.
        qt().withExamples(EXAMPLES).forAll(cases(nonEmptyShapes(1, 3))).checkAssert(c -> {
            int d = c.x().size(c.x().rank() - 1);

            Tensor y = new LayerNorm(filled(d, 1.0), filled(d, 0.0), c.eps()).apply(c.x());

            for (int[] row : rowStarts(c.x().shape())) {
                double[] in = row(c.x(), row);
                double[] out = row(y, row);
                double var = variance(in);
                assertThat(Tolerance.close(0.0, mean(out), Tolerance.DEFAULT))
                        .describedAs("the mean of output row %s of LN(%s) is %s, expected 0", Arrays.toString(row), c,
                                mean(out))
                        .isTrue();
                assertThat(Tolerance.close(var / (var + c.eps()), variance(out), Tolerance.DEFAULT))
                        .describedAs("the variance of output row %s of LN(%s) is %s; expected var / (var + eps) ="
                                + " %s / (%s + %s): eps inside the sqrt, biased variance", Arrays.toString(row), c,
                                variance(out), var, var, c.eps())
                        .isTrue();
            }
        });
    }

    @Test
    @Order(3)
    @DisplayName("shifting a row by b changes nothing; scaling it by a > 0 changes nothing once eps is scaled by a^2")
    void layerNormIgnoresAShiftAndAPositiveScaleOfEachRow() {
        Gen<Double> scales = doubles().between(0.5, 10.0);
        Gen<Double> shifts = doubles().between(-1e4, 1e4);
        qt().withExamples(EXAMPLES).forAll(cases(shapes(1, 3), doubles().between(1e-3, 1.0)), scales, shifts)
                .checkAssert((c, a, b) -> {
                    Tensor moved = Tensor.zeros(c.x().shape());
                    for (int[] index : Indices.of(c.x().shape())) {
                        moved.set(a * c.x().get(index) + b, index);
                    }

                    Tensor original = c.norm().apply(c.x());
                    Tensor transformed = new LayerNorm(c.gamma(), c.beta(), a * a * c.eps()).apply(moved);

                    // var(a x + b) = a^2 var(x), so (a x + b - (a mu + b)) / sqrt(a^2 var + a^2 eps) = xhat.
                    assertThatTensor(transformed)
                            .describedAs("LN with eps a^2 eps of a x + b (a = %s, b = %s) against LN(x) for %s: the mean"
                                    + " takes the shift and the standard deviation the scale; a large b must not cost"
                                    + " precision (two passes)", a, b, c)
                            .isCloseTo(original);
                });
    }

    @Test
    @Order(4)
    @DisplayName("each row's output depends on that row only: no statistics across rows, as batch norm takes")
    void eachRowDependsOnlyOnThatRow() {
        qt().withExamples(EXAMPLES).forAll(cases(shapes(2, 3))).checkAssert(c -> {
            Tensor y = c.norm().apply(c.x());

            for (int[] start : rowStarts(c.x().shape())) {
                Tensor alone = c.norm().apply(Tensor.vector(row(c.x(), start)));
                assertThatTensor(Tensor.vector(row(y, start)))
                        .describedAs("row %s of LN(%s) against LN of that row alone", Arrays.toString(start), c)
                        .isCloseTo(alone);
            }
        });
    }

    @Test
    @Order(5)
    @DisplayName("Pre-LN is x + F(LN(x)) and Post-LN is LN(x + F(x)) for a random linear sublayer, every Post-LN row normalized")
    void bothWiringsFollowTheirDefinitions() {
        qt().withExamples(EXAMPLES).forAll(wirings()).checkAssert(w -> {
            int d = w.x().size(1);
            Tensor ones = filled(d, 1.0);
            Tensor zeros = filled(d, 0.0);
            LayerNorm norm = new LayerNorm(ones, zeros, w.eps());
            Inputs inputs = Inputs.snapshot("x", w.x(), "W", w.weight(), "b", w.bias());

            Tensor pre = Residual.preNorm(w.x(), norm, w.sublayer());
            Tensor post = Residual.postNorm(w.x(), norm, w.sublayer());

            inputs.assertUntouched();
            Tensor expectedPre = plus(w.x(), w.sublayer().apply(definition(w.x(), ones, zeros, w.eps())));
            Tensor sum = plus(w.x(), w.sublayer().apply(w.x()));
            assertThatTensor(pre).describedAs("Pre-LN of %s: x + F(LN(x))", w).isCloseTo(expectedPre)
                    .doesNotShareStorageWith(w.x()).hasStrides(Tensor.zeros(w.x().shape()).strides());
            assertThatTensor(post).describedAs("Post-LN of %s: LN(x + F(x))", w)
                    .isCloseTo(definition(sum, ones, zeros, w.eps()))
                    .doesNotShareStorageWith(w.x()).hasStrides(Tensor.zeros(w.x().shape()).strides());
            for (int[] start : rowStarts(post.shape())) {
                assertThat(Tolerance.close(0.0, mean(row(post, start)), Tolerance.DEFAULT))
                        .describedAs("Post-LN row %s of %s has mean %s, expected 0: the norm comes last",
                                Arrays.toString(start), w, mean(row(post, start)))
                        .isTrue();
            }
        });
    }

    @Test
    @Order(6)
    @DisplayName("the counts follow their formulas for random sizes, and attention's does not depend on the heads")
    void theCountsFollowTheirFormulas() {
        qt().withExamples(EXAMPLES).forAll(sizes()).checkAssert(s -> {
            long d = s.dModel();
            long dFF = s.dFF();
            long attention = 4 * d * d + 4 * d;
            long feedForward = 2 * d * dFF + dFF + d;

            assertThat(ParameterCount.layerNorm(s.dModel())).describedAs("layerNorm for %s: 2d", s).isEqualTo(2 * d);
            assertThat(ParameterCount.linear(s.dModel(), s.dFF()))
                    .describedAs("linear(dModel, dFF) for %s: d dFF + dFF", s).isEqualTo(d * dFF + dFF);
            assertThat(ParameterCount.multiHeadAttention(s.dModel(), s.numHeads()))
                    .describedAs("multiHeadAttention for %s: 4d^2 + 4d", s).isEqualTo(attention);
            assertThat(ParameterCount.multiHeadAttention(s.dModel(), 1))
                    .describedAs("multiHeadAttention with one head for %s: the same 4d^2 + 4d", s).isEqualTo(attention);
            assertThat(ParameterCount.feedForward(s.dModel(), s.dFF()))
                    .describedAs("feedForward for %s: 2 d dFF + dFF + d", s).isEqualTo(feedForward);
            assertThat(ParameterCount.encoderLayer(s.dModel(), s.numHeads(), s.dFF()))
                    .describedAs("encoderLayer for %s: attention + FFN + 2 * 2d", s)
                    .isEqualTo(attention + feedForward + 4 * d);
            assertThat(ParameterCount.decoderLayer(s.dModel(), s.numHeads(), s.dFF()))
                    .describedAs("decoderLayer for %s: 2 attentions + FFN + 3 * 2d", s)
                    .isEqualTo(2 * attention + feedForward + 6 * d);
        });
    }

    /** Cases whose x has the given shapes (rank 1 or more), gamma and beta drawn to fit, eps in [1e-5, 1]. */
    private static Gen<Case> cases(Gen<int[]> shapes) {
        return cases(shapes, doubles().between(1e-5, 1.0));
    }

    private static Gen<Case> cases(Gen<int[]> shapes, Gen<Double> epsilons) {
        Gen<Tensor> xs = anyLayouts(shapes);
        Gen<Double> gammas = doubles().between(-3.0, 3.0);
        Gen<Case> cases = in -> {
            Tensor x = xs.generate(in);
            int[] features = {x.size(x.rank() - 1)};
            Tensor gamma = anyLayouts(ignored -> features, gammas).generate(in);
            Tensor beta = anyLayouts(ignored -> features, gammas).generate(in);
            return new Case(x, gamma, beta, epsilons.generate(in));
        };
        return cases.describedAs(Case::toString);
    }

    private static Gen<Wiring> wirings() {
        Gen<int[]> shapes = nonEmptyShapes(2, 2);
        Gen<Double> weights = doubles().between(-1.0, 1.0);
        Gen<Double> epsilons = doubles().between(1e-5, 1.0);
        Gen<Wiring> wirings = in -> {
            Tensor x = anyLayouts(shapes).generate(in);
            int d = x.size(1);
            Tensor weight = anyLayouts(ignored -> new int[] {d, d}, weights).generate(in);
            Tensor bias = anyLayouts(ignored -> new int[] {d}, weights).generate(in);
            return new Wiring(x, weight, bias, epsilons.generate(in));
        };
        return wirings.describedAs(Wiring::toString);
    }

    private static Gen<Sizes> sizes() {
        Gen<Integer> headCounts = integers().between(1, 16);
        Gen<Integer> headDims = integers().between(1, 4096);
        Gen<Integer> widths = integers().between(1, 100_000);
        Gen<Sizes> sizes = in -> new Sizes(headCounts.generate(in), headDims.generate(in), widths.generate(in));
        return sizes.describedAs(Sizes::toString);
    }

    /** Layer norm by its definition, two passes per row: the spec's own oracle. */
    private static Tensor definition(Tensor x, Tensor gamma, Tensor beta, double eps) {
        Tensor y = Tensor.zeros(x.shape());
        for (int[] start : rowStarts(x.shape())) {
            double[] row = row(x, start);
            double mean = mean(row);
            double sd = Math.sqrt(variance(row) + eps);
            int[] index = start.clone();
            for (int k = 0; k < row.length; k++) {
                index[index.length - 1] = k;
                y.set(gamma.get(k) * (row[k] - mean) / sd + beta.get(k), index);
            }
        }
        return y;
    }

    /** The index of element 0 of every row: every index of the shape with the last coordinate 0. */
    private static List<int[]> rowStarts(int[] shape) {
        int[] leading = shape.clone();
        leading[leading.length - 1] = 1;
        return Indices.of(leading);
    }

    private static double[] row(Tensor t, int[] start) {
        double[] row = new double[t.size(t.rank() - 1)];
        int[] index = start.clone();
        for (int k = 0; k < row.length; k++) {
            index[index.length - 1] = k;
            row[k] = t.get(index);
        }
        return row;
    }

    private static double mean(double[] values) {
        double sum = 0.0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double variance(double[] values) {
        double mean = mean(values);
        double squares = 0.0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return squares / values.length;
    }

    private static Tensor filled(int d, double value) {
        double[] values = new double[d];
        Arrays.fill(values, value);
        return Tensor.vector(values);
    }

    private static Tensor plus(Tensor a, Tensor b) {
        Tensor sum = Tensor.zeros(a.shape());
        for (int[] index : Indices.of(a.shape())) {
            sum.set(a.get(index) + b.get(index), index);
        }
        return sum;
    }
}
