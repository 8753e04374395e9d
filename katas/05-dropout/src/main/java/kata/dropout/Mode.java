package kata.dropout;

/** Whether a model is being trained (dropout drops units) or used (dropout is the identity). */
public enum Mode {
    /** Training: each unit is dropped with probability p and the kept ones are scaled by 1 / (1 - p). */
    TRAINING,
    /** Evaluation and inference: nothing is dropped, nothing is scaled, no random number is drawn. */
    EVALUATION
}
