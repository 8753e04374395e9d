package kata.backprop;

import static kata.support.testing.GradientCheck.assertGradient;
import static kata.support.testing.GradientCheck.dot;

import kata.support.Tensor;
import kata.support.testing.Inputs;

/**
 * The finite-difference checks of the blocks whose forward pass comes from an earlier kata, written
 * once against the small interfaces of {@link Forward}: the properties pass the stand-ins, the
 * integration spec your katas 04, 06 and 11.
 */
final class BlockChecks {

    private BlockChecks() {
    }

    /** Layer norm's dx, dgamma and dbeta against finite differences of {@code sum(dy * forward(x))}. */
    static void layerNorm(Forward.LayerNormForward forward, Tensor x, Tensor gamma, Tensor beta, double eps, Tensor dy) {
        Inputs inputs = Inputs.snapshot("x", x, "gamma", gamma, "dy", dy);

        LayerNormGradients g = LayerNormBackward.backward(x, gamma, eps, dy);

        inputs.assertUntouched();
        assertGradient("dx", t -> dot(dy, forward.apply(t, gamma, beta, eps)), x, g.dx());
        assertGradient("dgamma", t -> dot(dy, forward.apply(x, t, beta, eps)), gamma, g.dGamma());
        assertGradient("dbeta", t -> dot(dy, forward.apply(x, gamma, t, eps)), beta, g.dBeta());
    }

    /** Attention's dQ, dK and dV against finite differences of {@code sum(dO * weights(q, k, masked) V)}. */
    static void attention(Forward.AttentionWeights forward, Tensor q, Tensor k, Tensor v, boolean[][] masked, Tensor dOutput) {
        Tensor weights = forward.weights(q, k, masked);
        Inputs inputs = Inputs.snapshot("q", q, "k", k, "v", v, "weights", weights, "dOutput", dOutput);

        AttentionGradients g = AttentionBackward.backward(q, k, v, weights, dOutput);

        inputs.assertUntouched();
        assertGradient("dQ", t -> dot(dOutput, Forward.weighted(forward.weights(t, k, masked), v)), q, g.dq());
        assertGradient("dK", t -> dot(dOutput, Forward.weighted(forward.weights(q, t, masked), v)), k, g.dk());
        assertGradient("dV", t -> dot(dOutput, Forward.weighted(weights, t)), v, g.dv());
    }

    /** The embedding's dtable against finite differences of {@code sum(dout * forward(table, scale, ids))}. */
    static void embedding(Forward.Embedding forward, Tensor table, double scale, int[] ids, Tensor dOutput) {
        Inputs inputs = Inputs.snapshot("ids", ids, "dOutput", dOutput);

        Tensor dTable = EmbeddingBackward.backward(ids, table.size(0), scale, dOutput);

        inputs.assertUntouched();
        assertGradient("dtable", t -> dot(dOutput, forward.embed(t, scale, ids)), table, dTable);
    }
}
