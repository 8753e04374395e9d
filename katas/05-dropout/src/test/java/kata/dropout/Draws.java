package kata.dropout;

import kata.support.testing.ScriptedDraws;

/** Scripted draws for dropout: an example says exactly which units a correct dropout drops. */
final class Draws extends ScriptedDraws {

    Draws(double... draws) {
        super("dropout", "one nextDouble() per element in training, none in evaluation",
                "draw one nextDouble() per element and drop the unit when it is below p", draws);
    }
}
