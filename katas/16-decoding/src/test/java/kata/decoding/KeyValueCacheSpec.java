package kata.decoding;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import kata.support.Tensor;
import kata.support.testing.Inputs;
import kata.support.testing.MatrixLayouts;
import kata.support.testing.StandIns;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-16")
@Order(5)
@DisplayName("16 Decoding: the key/value cache, examples")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyValueCacheSpec {

    private static final double[][] KEYS = {{1, 0, 2, -1}, {0, 1, -1, 3}, {2, 2, 0, 1}};
    private static final double[][] VALUES = {{5, 6, 7, 8}, {-1, 0, 1, 2}, {3, -3, 4, -4}};

    @Test
    @Order(1)
    @DisplayName("appended rows are kept in order, keys and values apart, and the length counts them")
    void appendedRowsAreKeptInOrder() {
        KeyValueCache cache = new KeyValueCache(5, 4);

        cache.append(Tensor.matrix(KEYS[0]), Tensor.matrix(VALUES[0]));
        cache.append(Tensor.matrix(KEYS[1], KEYS[2]), Tensor.matrix(VALUES[1], VALUES[2]));

        assertThat(cache.length()).describedAs("rows after appending one row, then two").isEqualTo(3);
        assertThat(cache.maxLength()).isEqualTo(5);
        assertThatTensor(cache.keys()).describedAs("the keys, in the order appended").isCloseTo(Tensor.matrix(KEYS));
        assertThatTensor(cache.values()).describedAs("the values, in the order appended").isCloseTo(Tensor.matrix(VALUES));
    }

    @Test
    @Order(2)
    @DisplayName("with one head, attention over the cache is softmax(q K^T / sqrt(d)) V over every cached row")
    void oneHeadAttendsOverEveryCachedRow() {
        KeyValueCache cache = filled();
        Tensor query = Tensor.matrix(new double[] {0.5, -1, 1, 0.25});

        Tensor result = cache.attend(query, 1, null);

        // The oracle is StandIns.attend, single-head attention written out plainly.
        assertThatTensor(result).describedAs("one query over 3 cached rows, one head of width 4: no causal mask, the"
                        + " cache holds only positions up to the query's")
                .isCloseTo(StandIns.attend(query, Tensor.matrix(KEYS), Tensor.matrix(VALUES), null).output());
    }

    @Test
    @Order(3)
    @DisplayName("with two heads each head attends with its own columns, scaled by sqrt(d_k)")
    void eachHeadAttendsWithItsOwnColumns() {
        KeyValueCache cache = filled();
        Tensor queries = Tensor.matrix(new double[] {0.5, -1, 1, 0.25}, new double[] {2, 0, -1, 1});

        Tensor result = cache.attend(queries, 2, null);

        Tensor keys = Tensor.matrix(KEYS);
        Tensor values = Tensor.matrix(VALUES);
        for (int head = 0; head < 2; head++) {
            Tensor expected = StandIns.attend(StandIns.columns(queries, 2 * head, 2), StandIns.columns(keys, 2 * head, 2),
                    StandIns.columns(values, 2 * head, 2), null).output();
            assertThatTensor(StandIns.columns(result, 2 * head, 2))
                    .describedAs("head %s: columns %s .. %s of queries, keys and values, scores divided by sqrt(d_k) ="
                            + " sqrt(2), not sqrt(d) = 2", head, 2 * head, 2 * head + 1)
                    .isCloseTo(expected);
        }
    }

    @Test
    @Order(4)
    @DisplayName("a padded cached row is hidden from every query")
    void paddedRowsAreHidden() {
        KeyValueCache cache = filled();
        Tensor queries = Tensor.matrix(new double[] {0.5, -1, 1, 0.25}, new double[] {2, 0, -1, 1});
        boolean[] padded = {false, true, false};

        Tensor result = cache.attend(queries, 2, padded);

        Tensor keys = Tensor.matrix(KEYS);
        Tensor values = Tensor.matrix(VALUES);
        boolean[][] masked = {padded, padded};
        for (int head = 0; head < 2; head++) {
            Tensor expected = StandIns.attend(StandIns.columns(queries, 2 * head, 2), StandIns.columns(keys, 2 * head, 2),
                    StandIns.columns(values, 2 * head, 2), masked).output();
            assertThatTensor(StandIns.columns(result, 2 * head, 2))
                    .describedAs("head %s with cached row 1 padded: its key gets weight 0 for both queries", head)
                    .isCloseTo(expected);
        }
    }

    @Test
    @Order(5)
    @DisplayName("scores of 1e4 give finite weights: the largest score is subtracted before the exponential")
    void largeScoresStayFinite() {
        KeyValueCache cache = new KeyValueCache(2, 4);
        cache.append(Tensor.matrix(new double[] {100, 0, 0, 0}, new double[] {99, 1, 0, 0}), Tensor.matrix(VALUES[0], VALUES[1]));
        Tensor query = Tensor.matrix(new double[] {100, 0, 0, 0});

        Tensor result = cache.attend(query, 1, null);

        assertThatTensor(result).describedAs("scores 5000 and 4950 (q . k / sqrt(4)): exp(5000) overflows, exp(0) and"
                        + " exp(-50) do not")
                .isFinite()
                .isCloseTo(StandIns.attend(query, cache.keys(), cache.values(), null).output());
    }

    @Test
    @Order(6)
    @DisplayName("reset empties the cache and the next append starts again at row 0")
    void resetEmptiesTheCache() {
        KeyValueCache cache = filled();

        cache.reset();
        cache.append(Tensor.matrix(KEYS[2]), Tensor.matrix(VALUES[2]));

        assertThat(cache.length()).describedAs("rows after reset and one append").isEqualTo(1);
        assertThatTensor(cache.keys()).describedAs("the keys after reset: only the new row").isCloseTo(Tensor.matrix(KEYS[2]));
        assertThatTensor(cache.attend(Tensor.matrix(new double[] {1, 1, 1, 1}), 2, null))
                .describedAs("attention over the one row left: its value, whatever the weights")
                .isCloseTo(Tensor.matrix(VALUES[2]));
    }

    @Test
    @Order(7)
    @DisplayName("a full cache refuses to grow with an IllegalStateException naming maxLength, and stays as it was")
    void aFullCacheRefusesToGrow() {
        KeyValueCache cache = filled();
        cache.append(Tensor.matrix(KEYS[0]), Tensor.matrix(VALUES[0]));

        assertThatIllegalStateException().describedAs("a fifth row in a cache of maxLength 4")
                .isThrownBy(() -> cache.append(Tensor.matrix(KEYS[1]), Tensor.matrix(VALUES[1])))
                .withMessageContaining("maxLength = 4");
        assertThatIllegalStateException().describedAs("two rows into a cache of 4 holding 4")
                .isThrownBy(() -> cache.append(Tensor.matrix(KEYS[1], KEYS[2]), Tensor.matrix(VALUES[1], VALUES[2])))
                .withMessageContaining("maxLength = 4");
        assertThat(cache.length()).describedAs("rows after the refused appends").isEqualTo(4);
        assertThatTensor(cache.keys()).describedAs("the keys after the refused appends")
                .isCloseTo(Tensor.matrix(KEYS[0], KEYS[1], KEYS[2], KEYS[0]));
    }

    // ---- contracts ----

    @Test
    @Order(8)
    @DisplayName("append copies rows of any layout and leaves them untouched; attend leaves its queries untouched, and no query gives no row")
    void argumentsOfAnyLayoutAreCopiedAndLeftUntouched() {
        KeyValueCache cache = new KeyValueCache(3, 4);
        Tensor keys = MatrixLayouts.transposedLayout(KEYS);
        Tensor values = MatrixLayouts.steppedLayout(VALUES);
        Tensor queries = MatrixLayouts.broadcastRow(new double[] {0.5, -1, 1, 0.25}, 2);
        Inputs inputs = Inputs.snapshot("keys", keys, "values", values, "queries", queries);

        cache.append(keys, values);
        Tensor result = cache.attend(queries, 2, null);
        inputs.assertUntouched();
        keys.set(99, 0, 0);
        values.set(99, 0, 0);

        assertThatTensor(cache.keys()).describedAs("keys appended from a transposed layout, then changed by the caller:"
                + " the cache holds a copy").isCloseTo(Tensor.matrix(KEYS));
        assertThatTensor(cache.values()).describedAs("values appended from a stepped layout").isCloseTo(Tensor.matrix(VALUES));
        assertThatTensor(new KeyValueCache(2, 4).attend(Tensor.zeros(0, 4), 2, null))
                .describedAs("no query over an empty cache: an empty result").hasShape(0, 4);
        assertThatTensor(result).describedAs("a broadcast query row, read through its strides")
                .isCloseTo(filled().attend(Tensor.matrix(new double[] {0.5, -1, 1, 0.25}, new double[] {0.5, -1, 1, 0.25}), 2, null))
                .doesNotShareStorageWith(queries);
    }

    @Test
    @Order(9)
    @DisplayName("a bad size, a row of the wrong width or count, a bad head count or padding are rejected, naming them")
    void badArgumentsAreRejected() {
        KeyValueCache cache = filled();
        Tensor row = Tensor.matrix(KEYS[0]);

        assertThatIllegalArgumentException().isThrownBy(() -> new KeyValueCache(-1, 4)).withMessageContaining("maxLength");
        assertThatIllegalArgumentException().isThrownBy(() -> new KeyValueCache(3, 0)).withMessageContaining("dModel");
        assertThatIllegalArgumentException().describedAs("keys of width 3 in a cache of width 4")
                .isThrownBy(() -> cache.append(Tensor.zeros(1, 3), row)).withMessageContaining("keys").withMessageContaining("[1, 3]");
        assertThatIllegalArgumentException().describedAs("keys and values both of width 3")
                .isThrownBy(() -> cache.append(Tensor.zeros(1, 3), Tensor.zeros(1, 3))).withMessageContaining("keys").withMessageContaining("[1, 3]");
        assertThatIllegalArgumentException().describedAs("keys and values both vectors")
                .isThrownBy(() -> cache.append(Tensor.vector(1, 2, 3, 4), Tensor.vector(1, 2, 3, 4))).withMessageContaining("keys").withMessageContaining("[4]");
        assertThatIllegalArgumentException().describedAs("queries that are a vector")
                .isThrownBy(() -> cache.attend(Tensor.vector(1, 2, 3, 4), 1, null)).withMessageContaining("queries").withMessageContaining("[4]");
        assertThatIllegalArgumentException().describedAs("values that are a vector")
                .isThrownBy(() -> cache.append(row, Tensor.vector(1, 2, 3, 4))).withMessageContaining("values").withMessageContaining("[4]");
        assertThatIllegalArgumentException().describedAs("two rows of keys, one of values")
                .isThrownBy(() -> cache.append(Tensor.zeros(2, 4), row)).withMessageContaining("[2, 4]").withMessageContaining("[1, 4]");
        assertThatIllegalArgumentException().describedAs("queries of width 3")
                .isThrownBy(() -> cache.attend(Tensor.zeros(1, 3), 1, null)).withMessageContaining("queries").withMessageContaining("[1, 3]");
        assertThatIllegalArgumentException().describedAs("3 heads do not divide d = 4")
                .isThrownBy(() -> cache.attend(row, 3, null)).withMessageContaining("numHeads");
        assertThatIllegalArgumentException().describedAs("0 heads")
                .isThrownBy(() -> cache.attend(row, 0, null)).withMessageContaining("numHeads");
        assertThatIllegalArgumentException().describedAs("2 padding flags for 3 cached rows")
                .isThrownBy(() -> cache.attend(row, 1, new boolean[] {false, false})).withMessageContaining("padded");
        assertThatIllegalArgumentException().describedAs("every cached row padded")
                .isThrownBy(() -> cache.attend(row, 1, new boolean[] {true, true, true})).withMessageContaining("padded");
        assertThatIllegalArgumentException().describedAs("a query over an empty cache")
                .isThrownBy(() -> new KeyValueCache(2, 4).attend(row, 1, null)).withMessageContaining("[1, 4]");
    }

    /** A cache of maxLength 4 holding the three rows of KEYS and VALUES, appended one by one. */
    private static KeyValueCache filled() {
        KeyValueCache cache = new KeyValueCache(4, 4);
        for (int t = 0; t < 3; t++) {
            cache.append(Tensor.matrix(KEYS[t]), Tensor.matrix(VALUES[t]));
        }
        return cache;
    }
}
