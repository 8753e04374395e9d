package kata.backprop;

import static kata.support.testing.Generators.anyLayouts;
import static kata.support.testing.Generators.nonEmptyShapes;
import static kata.support.testing.Generators.shapes;
import static kata.support.testing.GradientCheck.assertGradient;
import static kata.support.testing.GradientCheck.dot;
import static kata.support.testing.TensorAssert.assertThatTensor;
import static kata.support.testing.Theories.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import kata.support.Tensor;
import kata.support.testing.Inputs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quicktheories.core.Gen;

/**
 * Every backward pass against central finite differences of its forward pass (the stand-ins in
 * {@link Forward}), over small random shapes in every layout: the loss is {@code sum(dy * f(...))},
 * whose gradient is what the backward pass returns for that dy.
 */
@Tag("kata-13")
@Order(7)
@DisplayName("13 Backpropagation: every gradient against finite differences")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackpropProperties {

    /** Examples per property: every finite difference costs two forward passes per element. */
    private static final int EXAMPLES = 40;

    private static final Gen<Double> VALUES = doubles().between(-2.0, 2.0);

    /** Tensors of one block's arguments, each in any layout. */
    private record Case(Tensor a, Tensor b, Tensor c, Tensor d) {

        @Override
        public String toString() {
            return "a = " + a + ", b = " + b + ", c = " + c + ", d = " + d;
        }
    }

    private static Gen<Tensor> of(int[] shape) {
        return anyLayouts(ignored -> shape, VALUES);
    }

    /** Linear: x (..., d_in) of rank 2 or 3, W (d_in, d_out), b (d_out), dy (..., d_out). */
    private static Gen<Case> linearCases() {
        Gen<Tensor> xs = anyLayouts(shapes(2, 3, 3), VALUES);
        Gen<Integer> widths = integers().between(0, 3);
        Gen<Case> cases = in -> {
            Tensor x = xs.generate(in);
            int dOut = widths.generate(in);
            int[] yShape = x.shape();
            yShape[yShape.length - 1] = dOut;
            return new Case(x, of(new int[] {x.size(x.rank() - 1), dOut}).generate(in), of(new int[] {dOut}).generate(in),
                    of(yShape).generate(in));
        };
        return cases.describedAs(Case::toString);
    }

    @Test
    @Order(1)
    @DisplayName("linear: dx, dW and db are the gradients of sum(dy * (x W + b)), for every shape and layout")
    void linearGradientsMatchFiniteDifferences() {
        qt().withExamples(EXAMPLES).forAll(linearCases()).checkAssert(c -> {
            Inputs inputs = Inputs.snapshot("x", c.a(), "weight", c.b(), "dy", c.d());

            LinearGradients g = LinearBackward.backward(c.a(), c.b(), c.d());

            inputs.assertUntouched();
            assertGradient("dx", x -> dot(c.d(), Forward.linear(x, c.b(), c.c())), c.a(), g.dx());
            assertGradient("dW", w -> dot(c.d(), Forward.linear(c.a(), w, c.c())), c.b(), g.dWeight());
            assertGradient("db", b -> dot(c.d(), Forward.linear(c.a(), c.b(), b)), c.c(), g.dBias());
        });
    }

    @Test
    @Order(2)
    @DisplayName("ReLU: dx is the gradient of sum(dy * relu(x)) away from the kink, for every shape and layout")
    void reluGradientMatchesFiniteDifferences() {
        // values at least 0.1 from 0, so that x +- h never crosses the kink
        Gen<Double> awayFromZero = doubles().between(0.1, 2.0).zip(integers().between(0, 1), (m, s) -> s == 0 ? m : -m);
        Gen<Case> cases = in -> {
            Tensor x = anyLayouts(shapes(0, 3), awayFromZero).generate(in);
            return new Case(x, of(x.shape()).generate(in), null, null);
        };
        qt().withExamples(EXAMPLES).forAll(cases.describedAs(Case::toString)).checkAssert(c -> {
            Inputs inputs = Inputs.snapshot("x", c.a(), "dy", c.b());

            Tensor dx = ReluBackward.backward(c.a(), c.b());

            inputs.assertUntouched();
            assertGradient("dx", x -> dot(c.b(), Forward.relu(x)), c.a(), dx);
        });
    }

    @Test
    @Order(3)
    @DisplayName("softmax: dx is the gradient of sum(dy * softmax(x)) from the saved output, for every shape and layout")
    void softmaxGradientMatchesFiniteDifferences() {
        Gen<Case> cases = in -> {
            Tensor x = anyLayouts(shapes(1, 3), VALUES).generate(in);
            return new Case(x, of(x.shape()).generate(in), null, null);
        };
        qt().withExamples(EXAMPLES).forAll(cases.describedAs(Case::toString)).checkAssert(c -> {
            Tensor s = Forward.softmax(c.a());
            Inputs inputs = Inputs.snapshot("s", s, "dy", c.b());

            Tensor dx = SoftmaxBackward.backward(s, c.b());

            inputs.assertUntouched();
            assertGradient("dx", x -> dot(c.b(), Forward.softmax(x)), c.a(), dx);
        });
    }

    @Test
    @Order(4)
    @DisplayName("cross-entropy: dlogits is the gradient of the loss, whose rows sum to 0, PAD rows exactly 0")
    void crossEntropyGradientMatchesFiniteDifferences() {
        Gen<Integer> pad = integers().between(-1, 0);
        qt().withExamples(EXAMPLES).forAll(anyLayouts(nonEmptyShapes(2, 2), VALUES), pad, doubles().between(0.0, 1.0))
                .checkAssert((logits, padId, smoothing) -> {
                    int[] targets = new int[logits.size(0)];
                    for (int i = 0; i < targets.length; i++) {
                        int drawn = (i * 7 + 3) % (logits.size(1) + 1) - 1;   // -1 to V - 1
                        targets[i] = drawn < 0 ? padId : drawn;               // some PAD, some classes
                    }
                    Inputs inputs = Inputs.snapshot("logits", logits, "targets", targets);

                    CrossEntropyResult r = CrossEntropy.of(logits, targets, padId, smoothing);

                    inputs.assertUntouched();
                    assertGradient("dlogits", l -> Forward.crossEntropy(l, targets, padId, smoothing), logits, r.dLogits());
                    assertThatTensor(Tensor.scalar(r.loss())).describedAs("the loss")
                            .isCloseTo(Tensor.scalar(Forward.crossEntropy(logits, targets, padId, smoothing)));
                    for (int i = 0; i < targets.length; i++) {
                        double sum = 0.0;
                        for (int j = 0; j < logits.size(1); j++) {
                            sum += r.dLogits().get(i, j);
                        }
                        assertThatTensor(Tensor.scalar(sum)).describedAs("row %d of dlogits: softmax and target both sum to 1", i)
                                .isCloseTo(Tensor.scalar(0));
                        if (targets[i] == padId) {
                            assertThatTensor(Tensor.scalar(Math.abs(r.dLogits().get(i, 0))))
                                    .describedAs("row %d is PAD: exactly no gradient", i).isCloseTo(Tensor.scalar(0), 0.0);
                        }
                    }
                });
    }

    @Test
    @Order(5)
    @DisplayName("layer norm: dx, dgamma and dbeta are the gradients of sum(dy * LN(x)), for every shape and layout")
    void layerNormGradientsMatchFiniteDifferences() {
        Gen<Case> cases = in -> {
            Tensor x = anyLayouts(shapes(1, 3), VALUES).generate(in);
            int[] features = {x.size(x.rank() - 1)};
            return new Case(x, of(features).generate(in), of(features).generate(in), of(x.shape()).generate(in));
        };
        double eps = 1e-3;
        qt().withExamples(EXAMPLES).forAll(cases.describedAs(Case::toString))
                .checkAssert(c -> BlockChecks.layerNorm(Forward.LAYER_NORM, c.a(), c.b(), c.c(), eps, c.d()));
    }

    /** Attention: q (T_q, d_k), k (T_k, d_k), v (T_k, d_v), dO (T_q, d_v); the causal mask when T_q = T_k. */
    private static Gen<Case> attentionCases() {
        Gen<Integer> sizes = integers().between(1, 3);
        Gen<Case> cases = in -> {
            int tq = sizes.generate(in);
            int tk = sizes.generate(in);
            int dk = sizes.generate(in);
            int dv = sizes.generate(in);
            return new Case(of(new int[] {tq, dk}).generate(in), of(new int[] {tk, dk}).generate(in),
                    of(new int[] {tk, dv}).generate(in), of(new int[] {tq, dv}).generate(in));
        };
        return cases.describedAs(Case::toString);
    }

    private static boolean[][] maskFor(Case c) {
        int tq = c.a().size(0);
        int tk = c.b().size(0);
        boolean[][] masked = new boolean[tq][tk];
        for (int i = 0; i < tq; i++) {
            for (int j = 0; j < tk; j++) {
                masked[i][j] = tq == tk && j > i;
            }
        }
        return masked;
    }

    @Test
    @Order(6)
    @DisplayName("attention: dQ, dK and dV are the gradients of sum(dO * softmax(Q K^T / sqrt(d_k) + mask) V)")
    void attentionGradientsMatchFiniteDifferences() {
        qt().withExamples(EXAMPLES).forAll(attentionCases())
                .checkAssert(c -> BlockChecks.attention(Forward.ATTENTION, c.a(), c.b(), c.c(), maskFor(c), c.d()));
    }

    @Test
    @Order(7)
    @DisplayName("attention: permuting the keys and values permutes dK and dV the same way and leaves dQ alone")
    void permutingKeysPermutesTheirGradients() {
        qt().withExamples(EXAMPLES).forAll(attentionCases()).checkAssert(c -> {
            Tensor k = reversedRows(c.b());
            Tensor v = reversedRows(c.c());
            AttentionGradients g = AttentionBackward.backward(c.a(), c.b(), c.c(), Forward.ATTENTION.weights(c.a(), c.b(), null), c.d());

            AttentionGradients permuted = AttentionBackward.backward(c.a(), k, v, Forward.ATTENTION.weights(c.a(), k, null), c.d());

            assertThatTensor(permuted.dq()).describedAs("the same keys in another order: the same dQ").isCloseTo(g.dq());
            assertThatTensor(permuted.dk()).describedAs("dK follows its key").isCloseTo(reversedRows(g.dk()));
            assertThatTensor(permuted.dv()).describedAs("dV follows its value").isCloseTo(reversedRows(g.dv()));
        });
    }

    @Test
    @Order(8)
    @DisplayName("embedding: dtable is the gradient of sum(dout * scale * table[ids]), repeated ids included")
    void embeddingGradientMatchesFiniteDifferences() {
        Gen<Integer> sizes = integers().between(1, 4);
        Gen<Case> cases = in -> {
            int vocab = sizes.generate(in);
            int tokens = sizes.generate(in) - 1;
            int d = sizes.generate(in);
            return new Case(of(new int[] {vocab, d}).generate(in), of(new int[] {tokens, d}).generate(in), null, null);
        };
        qt().withExamples(EXAMPLES).forAll(cases.describedAs(Case::toString), doubles().between(0.5, 3.0)).checkAssert((c, scale) -> {
            int vocab = c.a().size(0);
            int[] ids = new int[c.b().size(0)];
            for (int t = 0; t < ids.length; t++) {
                ids[t] = (t * 5 + 1) % vocab;                    // repeats whenever T > V
            }
            BlockChecks.embedding(Forward.EMBEDDING, c.a(), scale, ids, c.b());
        });
    }

    private static Tensor reversedRows(Tensor m) {
        Tensor r = Tensor.zeros(m.shape());
        for (int i = 0; i < m.size(0); i++) {
            for (int j = 0; j < m.size(1); j++) {
                r.set(m.get(m.size(0) - 1 - i, j), i, j);
            }
        }
        return r;
    }
}
