package kata.calculator;

import java.util.ArrayList;
import java.util.List;
import kata.backprop.CrossEntropy;
import kata.backprop.CrossEntropyResult;
import kata.backprop.EmbeddingBackward;
import kata.backprop.LinearBackward;
import kata.backprop.LinearGradients;
import kata.decoder.DecoderLayer;
import kata.encoder.EncoderLayer;
import kata.support.Elementwise;
import kata.support.Matrices;
import kata.support.NormOrder;
import kata.support.Tensor;
import kata.support.TensorFunction;

/**
 * One forward pass of the model over a batch, and its backward pass. The layers of katas 09 and 10
 * do the wiring; the parts handed to them (the {@code *Pass} classes) keep what the backward pass
 * needs, so the backward pass walks the same Pre-LN wiring in reverse:
 * <pre>
 *   encoder:  h = x + A(LN1(x))          y = h + F(LN2(h))
 *             dh = dy + LN2'(F'(dy))     dx = dh + LN1'(A'(dh))          (A' into query and key rows)
 *   decoder:  h1 = x + S(LN1(x))   h2 = h1 + C(LN2(h1), memory)   y = h2 + F(LN3(h2))
 *             dh2 = dy + LN3'(F'(dy))   dh1 = dh2 + LN2'(C'_query(dh2))   dx = dh1 + LN1'(S'(dh1))
 *             dmemory += C'_memory(dh2), from every decoder layer
 * </pre>
 * One backward call per line, each under the forward line it undoes.
 */
final class Pass {

    private static final TensorFunction NO_DROPOUT = x -> x;

    private record EncoderStep(NormPass norm1, AttentionPass attention, NormPass norm2, FeedForwardPass feedForward) {
    }

    private record DecoderStep(NormPass norm1, AttentionPass selfAttention, NormPass norm2, AttentionPass crossAttention,
                               NormPass norm3, FeedForwardPass feedForward) {
    }

    private final Model model;
    private final int sequences;
    private final int[] sourceIds;                       // (B S), sequence b at b S ..
    private final int[] targetIds;                       // (B T)
    private final boolean[] sourcePadded;                // (B S), or null when no source token is PAD
    private final List<EncoderStep> encoderSteps = new ArrayList<>();
    private final List<DecoderStep> decoderSteps = new ArrayList<>();
    private final NormPass encoderNorm;
    private final NormPass decoderNorm;
    private Tensor top;                                  // (B T, d), the output projection's input

    Pass(Model model, int[][] source, int[][] decoderInput) {
        ModelConfig config = model.config();
        this.model = model;
        this.sequences = Ids.requireBatch(source, decoderInput, config);
        this.sourceIds = Ids.flatten(source);
        this.targetIds = Ids.flatten(decoderInput);
        this.sourcePadded = Ids.padding(sourceIds);
        for (Model.EncoderParts parts : model.encoder()) {
            encoderSteps.add(new EncoderStep(new NormPass(parts.norm1()),
                    new AttentionPass(parts.attention(), config.numHeads(), sequences),
                    new NormPass(parts.norm2()), new FeedForwardPass(parts.feedForward())));
        }
        for (Model.DecoderParts parts : model.decoder()) {
            decoderSteps.add(new DecoderStep(new NormPass(parts.norm1()),
                    new AttentionPass(parts.selfAttention(), config.numHeads(), sequences), new NormPass(parts.norm2()),
                    new AttentionPass(parts.crossAttention(), config.numHeads(), sequences), new NormPass(parts.norm3()),
                    new FeedForwardPass(parts.feedForward())));
        }
        this.encoderNorm = new NormPass(model.encoderNorm());
        this.decoderNorm = new NormPass(model.decoderNorm());
    }

    /** The logits {@code (B T, V)}. */
    Tensor forward() {
        Tensor x = embed(sourceIds);                                             // (B S, d)
        for (EncoderStep step : encoderSteps) {
            x = new EncoderLayer(NormOrder.PRE_NORM, step.attention(), step.feedForward(),
                    step.norm1(), step.norm2(), NO_DROPOUT).forward(x, sourcePadded);
        }
        Tensor memory = encoderNorm.apply(x);                                    // (B S, d)
        Tensor y = embed(targetIds);                                             // (B T, d)
        for (DecoderStep step : decoderSteps) {
            y = new DecoderLayer(NormOrder.PRE_NORM, step.selfAttention(), step.crossAttention(),
                    step.feedForward(), step.norm1(), step.norm2(), step.norm3(), NO_DROPOUT)
                    .forward(y, memory, sourcePadded);                           // causal mask: the layer's own
        }
        top = decoderNorm.apply(y);                                              // (B T, d)
        return Matrices.linear(top, model.outputWeight(), model.outputBias());   // (B T, V)
    }

    /** A part of a batch's loss: its mean over {@code count} labels, and its gradients. */
    record Part(double loss, int count, List<Tensor> gradients) {

        /** The mean over both parts' labels: each part's mean and gradients weighted by its count. */
        LossAndGradients with(Part other) {
            int count = this.count + other.count;
            double w1 = count == 0 ? 0.0 : (double) this.count / count;
            double w2 = count == 0 ? 0.0 : (double) other.count / count;
            List<Tensor> gradients = new ArrayList<>();
            for (int i = 0; i < this.gradients.size(); i++) {
                Tensor g = Elementwise.addScaled(Tensor.zeros(this.gradients.get(i).shape()), w1, this.gradients.get(i));
                gradients.add(Elementwise.addScaled(g, w2, other.gradients.get(i)));
            }
            return new LossAndGradients(w1 * this.loss + w2 * other.loss, gradients);
        }
    }

    Part lossAndGradients(int[][] labels, double smoothing) {
        Tensor logits = forward();
        int[] targets = Ids.flatten(Ids.requireLabels(labels, sequences, targetIds.length / sequences));
        CrossEntropyResult loss = CrossEntropy.of(logits, targets, Vocabulary.pad(), smoothing);   // PAD labels left out
        List<Tensor> parameters = model.parameters();
        Grads grads = new Grads(parameters);
        LinearGradients out = LinearBackward.backward(top, model.outputWeight(), loss.dLogits());
        grads.add(model.outputWeight(), out.dWeight());
        grads.add(model.outputBias(), out.dBias());
        // top = LN(y)
        Tensor dy = decoderNorm.backward(out.dx(), grads);
        AttentionPass.Flow decoder = decoderBackward(dy, grads);            // into the decoder input and the memory
        // memory = LN(x)
        Tensor dx = encoderNorm.backward(decoder.dMemory(), grads);
        Tensor dSource = encoderBackward(dx, grads);
        double scale = Math.sqrt(model.config().dModel());
        int vocab = model.config().vocabSize();
        grads.add(model.embedding().table(), EmbeddingBackward.backward(targetIds, vocab, scale, decoder.dQuery()));
        grads.add(model.embedding().table(), EmbeddingBackward.backward(sourceIds, vocab, scale, dSource));  // one table, two uses
        return new Part(loss.loss(), loss.count(), grads.of(parameters));
    }

    /** The last decoder layer's cross-attention weights of the first sequence, averaged over heads. */
    Tensor lastCrossAttention() {
        return decoderSteps.get(decoderSteps.size() - 1).crossAttention().averageWeights(0);
    }

    /** The decoder stack backward, last layer first: the gradients into its input and into the memory. */
    private AttentionPass.Flow decoderBackward(Tensor dy, Grads grads) {
        Tensor dMemory = Tensor.zeros(sourceIds.length, model.config().dModel());   // (B S, d)
        for (int l = decoderSteps.size() - 1; l >= 0; l--) {
            DecoderStep step = decoderSteps.get(l);
            // y = h2 + F(LN3(h2))
            Tensor dNorm3 = step.feedForward().backward(dy, grads);
            Tensor dh2 = Elementwise.add(dy, step.norm3().backward(dNorm3, grads));
            // h2 = h1 + C(LN2(h1), memory)
            AttentionPass.Flow cross = step.crossAttention().backward(dh2, grads);
            dMemory = Elementwise.add(dMemory, cross.dMemory());                   // every decoder layer reads the memory
            Tensor dh1 = Elementwise.add(dh2, step.norm2().backward(cross.dQuery(), grads));
            // h1 = x + S(LN1(x), LN1(x))
            AttentionPass.Flow self = step.selfAttention().backward(dh1, grads);
            Tensor dNorm1 = Elementwise.add(self.dQuery(), self.dMemory());         // LN1(x) is query and memory
            dy = Elementwise.add(dh1, step.norm1().backward(dNorm1, grads));
        }
        return new AttentionPass.Flow(dy, dMemory);
    }

    /** The encoder stack backward, last layer first: the gradient into its input. */
    private Tensor encoderBackward(Tensor dy, Grads grads) {
        for (int l = encoderSteps.size() - 1; l >= 0; l--) {
            EncoderStep step = encoderSteps.get(l);
            // y = h + F(LN2(h))
            Tensor dNorm2 = step.feedForward().backward(dy, grads);
            Tensor dh = Elementwise.add(dy, step.norm2().backward(dNorm2, grads));
            // h = x + A(LN1(x), LN1(x))
            AttentionPass.Flow self = step.attention().backward(dh, grads);
            Tensor dNorm1 = Elementwise.add(self.dQuery(), self.dMemory());         // LN1(x) is query and memory
            dy = Elementwise.add(dh, step.norm1().backward(dNorm1, grads));
        }
        return dy;
    }

    /** {@code sqrt(d) E[id] + PE[position]} for every token, sequence by sequence: {@code (B L, d)}. */
    private Tensor embed(int[] ids) {
        int length = ids.length / sequences;
        Tensor[] embedded = new Tensor[sequences];
        for (int b = 0; b < sequences; b++) {
            int[] sequence = java.util.Arrays.copyOfRange(ids, b * length, (b + 1) * length);
            embedded[b] = model.embedding().encode(model.positions(), sequence);   // (L, d): positions restart per sequence
        }
        return Tensors.rows(embedded);                                           // (B L, d)
    }
}
