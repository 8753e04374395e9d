package kata.decoding;

import kata.support.testing.ScriptedDraws;

/** Scripted draws for the sampler: an example says exactly which token a correct sampler returns. */
final class Draws extends ScriptedDraws {

    Draws(double... draws) {
        super("the sampler", "exactly one nextDouble() per sample",
                "draw one nextDouble() per sample and walk the cumulative probabilities in increasing token id", draws);
    }
}
