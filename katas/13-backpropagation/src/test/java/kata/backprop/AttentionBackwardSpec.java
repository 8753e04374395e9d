package kata.backprop;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import kata.support.Tensor;
import kata.support.Tolerance;
import kata.support.testing.Inputs;
import kata.support.testing.MatrixLayouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-13")
@Order(5)
@DisplayName("13 Backpropagation: scaled dot-product attention")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttentionBackwardSpec {

    @Test
    @Order(1)
    @DisplayName("one key: P = [[1]], so dV = dO and the softmax passes no gradient to Q or K")
    void oneKeyGetsEverything() {
        Tensor q = Tensor.matrix(new double[] {1, 2});
        Tensor k = Tensor.matrix(new double[] {3, 4});
        Tensor v = Tensor.matrix(new double[] {5});

        AttentionGradients g = AttentionBackward.backward(q, k, v, Tensor.matrix(new double[] {1}), Tensor.matrix(new double[] {7}));

        assertThatTensor(g.dv()).describedAs("dV = P^T dO with P = [[1]]").isCloseTo(Tensor.matrix(new double[] {7}));
        assertThatTensor(g.dq()).describedAs("a softmax over one key is always 1: no gradient").isCloseTo(Tensor.zeros(1, 2));
        assertThatTensor(g.dk()).isCloseTo(Tensor.zeros(1, 2));
    }

    @Test
    @Order(2)
    @DisplayName("two keys with equal weights: dQ and dK carry the 1/sqrt(d_k) scale")
    void theScaleAppearsInDqAndDk() {
        // d_k = 4, sqrt = 2. P = [[0.5, 0.5]], dO = [[1]], V = [[2], [0]]: dP = [[2, 0]], sum(dP * P) = 1,
        // dS = [[0.5, -0.5]]; dQ = dS K / 2 = [[0.5, 0, 0, 0]] with K rows e_0 and -e_0; dK = dS^T Q / 2.
        Tensor q = Tensor.matrix(new double[] {0, 0, 0, 2});
        Tensor k = Tensor.matrix(new double[] {1, 0, 0, 0}, new double[] {-1, 0, 0, 0});
        Tensor v = Tensor.matrix(new double[] {2}, new double[] {0});

        AttentionGradients g = AttentionBackward.backward(q, k, v, Tensor.matrix(new double[] {0.5, 0.5}), Tensor.matrix(new double[] {1}));

        assertThatTensor(g.dv()).describedAs("dV = P^T dO").isCloseTo(Tensor.matrix(new double[] {0.5}, new double[] {0.5}));
        assertThatTensor(g.dq()).describedAs("dQ = dS K / sqrt(4): without the scale it doubles")
                .isCloseTo(Tensor.matrix(new double[] {0.5, 0, 0, 0}));
        assertThatTensor(g.dk()).describedAs("dK = dS^T Q / sqrt(4)")
                .isCloseTo(Tensor.matrix(new double[] {0, 0, 0, 0.5}, new double[] {0, 0, 0, -0.5}));
    }

    @Test
    @Order(3)
    @DisplayName("golden: dQ, dK and dV under the causal mask match PyTorch autograd")
    void goldenGradientsMatchPyTorch() {
        // GoldenGradients: katas/13-backpropagation/golden/generate.py, autograd of sum(dO * softmax(S) V).
        AttentionGradients g = AttentionBackward.backward(GoldenGradients.attentionQ(), GoldenGradients.attentionK(),
                GoldenGradients.attentionV(), GoldenGradients.attentionWeights(), GoldenGradients.attentionDOutput());

        assertThatTensor(g.dq()).describedAs("q.grad").isCloseTo(GoldenGradients.attentionDq(), Tolerance.FRAMEWORK);
        assertThatTensor(g.dk()).describedAs("k.grad").isCloseTo(GoldenGradients.attentionDk(), Tolerance.FRAMEWORK);
        assertThatTensor(g.dv()).describedAs("v.grad").isCloseTo(GoldenGradients.attentionDv(), Tolerance.FRAMEWORK);
    }

    @Test
    @Order(4)
    @DisplayName("under the causal mask the first query sees one key: its dQ is exactly 0, and the last key learns only from the last query")
    void maskedPositionsGetExactlyZeroGradient() {
        Tensor dOutput = GoldenGradients.attentionDOutput();
        for (int j = 0; j < dOutput.size(1); j++) {
            dOutput.set(0.0, 3, j);
        }

        AttentionGradients g = AttentionBackward.backward(GoldenGradients.attentionQ(), GoldenGradients.attentionK(),
                GoldenGradients.attentionV(), GoldenGradients.attentionWeights(), dOutput);

        assertThatTensor(Tensor.vector(g.dq().get(0, 0), g.dq().get(0, 1), g.dq().get(0, 2)))
                .describedAs("dQ row 0: P row 0 is [1, 0, 0, 0], a softmax of one value").isCloseTo(Tensor.zeros(3), 0.0);
        assertThatTensor(Tensor.vector(g.dk().get(3, 0), g.dk().get(3, 1), g.dk().get(3, 2), g.dv().get(3, 0), g.dv().get(3, 1)))
                .describedAs("key 3 is masked for queries 0 to 2, whose dO is all there is: dK and dV row 3 exactly 0")
                .isCloseTo(Tensor.zeros(5), 0.0);
    }

    @Test
    @Order(5)
    @DisplayName("every argument is read through its layout and left untouched; the gradients are fresh")
    void everyArgumentIsReadThroughItsLayout() {
        Tensor q = MatrixLayouts.transposedLayout(new double[][] {{0, 0, 0, 2}});
        Tensor k = MatrixLayouts.steppedLayout(new double[][] {{1, 0, 0, 0}, {-1, 0, 0, 0}});
        Tensor v = MatrixLayouts.transposedLayout(new double[][] {{2}, {0}});
        Tensor weights = MatrixLayouts.broadcastRow(new double[] {0.5, 0.5}, 1);
        Tensor dOutput = MatrixLayouts.steppedLayout(new double[][] {{1}});
        Inputs inputs = Inputs.snapshot("q", q, "k", k, "v", v, "weights", weights, "dOutput", dOutput);

        AttentionGradients g = AttentionBackward.backward(q, k, v, weights, dOutput);

        inputs.assertUntouched();
        assertThatTensor(g.dv()).isCloseTo(Tensor.matrix(new double[] {0.5}, new double[] {0.5})).hasStrides(1, 1)
                .doesNotShareStorageWith(v);
        assertThatTensor(g.dq()).isCloseTo(Tensor.matrix(new double[] {0.5, 0, 0, 0})).hasStrides(4, 1)
                .doesNotShareStorageWith(q);
        assertThatTensor(g.dk()).isCloseTo(Tensor.matrix(new double[] {0, 0, 0, 0.5}, new double[] {0, 0, 0, -0.5}))
                .hasStrides(4, 1).doesNotShareStorageWith(k);
    }

    @Test
    @Order(6)
    @DisplayName("no queries: dQ is (0, d_k) and dK, dV are zeros")
    void noQueries() {
        AttentionGradients g = AttentionBackward.backward(Tensor.zeros(0, 2), Tensor.zeros(3, 2), Tensor.zeros(3, 1),
                Tensor.zeros(0, 3), Tensor.zeros(0, 1));

        assertThatTensor(g.dq()).hasShape(0, 2);
        assertThatTensor(g.dk()).isCloseTo(Tensor.zeros(3, 2));
        assertThatTensor(g.dv()).isCloseTo(Tensor.zeros(3, 1));
    }

    @Test
    @Order(7)
    @DisplayName("q, k or v not a matrix, mismatched widths or lengths, and weights or dO of the wrong shape are rejected")
    void badShapesAreRejected() {
        Tensor q = Tensor.zeros(2, 3);
        Tensor k = Tensor.zeros(4, 3);
        Tensor v = Tensor.zeros(4, 5);
        Tensor p = Tensor.zeros(2, 4);
        Tensor dO = Tensor.zeros(2, 5);
        assertThatIllegalArgumentException().describedAs("q must be a matrix")
                .isThrownBy(() -> AttentionBackward.backward(Tensor.zeros(3), k, v, p, dO))
                .withMessageContaining("q").withMessageContaining("[3]");
        assertThatIllegalArgumentException().describedAs("k must be a matrix")
                .isThrownBy(() -> AttentionBackward.backward(q, Tensor.zeros(3), v, p, dO))
                .withMessageContaining("k").withMessageContaining("[3]");
        assertThatIllegalArgumentException().describedAs("k of shape (4, 2, 3): rows of width d_k, four of them, but not a matrix")
                .isThrownBy(() -> AttentionBackward.backward(q, Tensor.zeros(4, 2, 3), v, p, dO))
                .withMessageMatching("(?s).*\\bk\\b.*").withMessageContaining("[4, 2, 3]");
        assertThatIllegalArgumentException().describedAs("v must be a matrix")
                .isThrownBy(() -> AttentionBackward.backward(q, k, Tensor.zeros(4), p, dO))
                .withMessageContaining("v").withMessageContaining("[4]");
        assertThatIllegalArgumentException().describedAs("k's rows must have q's width d_k")
                .isThrownBy(() -> AttentionBackward.backward(q, Tensor.zeros(4, 2), v, p, dO))
                .withMessageContaining("k").withMessageContaining("[4, 2]");
        assertThatIllegalArgumentException().describedAs("one value row per key")
                .isThrownBy(() -> AttentionBackward.backward(q, k, Tensor.zeros(3, 5), p, dO))
                .withMessageContaining("v").withMessageContaining("[3, 5]").withMessageContaining("[4, 3]");
        assertThatIllegalArgumentException().describedAs("weights must be (T_q, T_k)")
                .isThrownBy(() -> AttentionBackward.backward(q, k, v, Tensor.zeros(4, 2), dO))
                .withMessageContaining("weights").withMessageContaining("[4, 2]").withMessageContaining("[2, 4]");
        assertThatIllegalArgumentException().describedAs("dOutput must be (T_q, d_v)")
                .isThrownBy(() -> AttentionBackward.backward(q, k, v, p, Tensor.zeros(2, 4)))
                .withMessageContaining("dOutput").withMessageContaining("[2, 4]").withMessageContaining("[2, 5]");
    }
}
