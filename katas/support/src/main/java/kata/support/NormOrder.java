package kata.support;

/** Where each sublayer's layer norm sits relative to its residual connection. */
public enum NormOrder {
    /** The original paper: {@code x = LN(x + Dropout(F(x)))}; every output row is normalized. */
    POST_NORM,
    /** GPT-2 and most models since: {@code x = x + Dropout(F(LN(x)))}; the residual path is never normalized. */
    PRE_NORM
}
