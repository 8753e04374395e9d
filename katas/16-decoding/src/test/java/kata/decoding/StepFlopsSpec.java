package kata.decoding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-16")
@Order(9)
@DisplayName("16 Decoding: the FLOPs a cached step saves")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StepFlopsSpec {

    @Test
    @Order(1)
    @DisplayName("by hand at L = 3, M = 2, d = 2: 488 FLOPs without the cache, 152 with it, 336 saved")
    void byHandAtSmallSizes() {
        long uncached = StepFlops.uncached(3, 2, 2);
        long cached = StepFlops.cached(3, 2, 2);
        long saved = StepFlops.saved(3, 2, 2);

        assertThat(uncached).describedAs("uncached: 28 L d^2 (projections and FFN of 3 rows) + 4 M d^2 (the memory's K"
                + " and V) + 4 L^2 d (self-attention scores and values) + 4 L M d (cross) = 336 + 32 + 72 + 48").isEqualTo(488);
        assertThat(cached).describedAs("cached: 28 d^2 (one row) + 4 L d + 4 M d = 112 + 24 + 16").isEqualTo(152);
        assertThat(saved).describedAs("saved: (L - 1)(28 d^2 + 4 L d + 4 M d) + 4 M d^2 = 2 * 152 + 32").isEqualTo(336);
    }

    @Test
    @Order(2)
    @DisplayName("at d = 512, L = 256, M = 64 a cached step costs 7,995,392 FLOPs instead of 2,113,929,216")
    void atTheSizeOfTheNote() {
        assertThat(StepFlops.uncached(256, 64, 512)).describedAs("uncached step, d = 512, L = 256, M = 64").isEqualTo(2_113_929_216L);
        assertThat(StepFlops.cached(256, 64, 512)).describedAs("cached step, d = 512, L = 256, M = 64").isEqualTo(7_995_392L);
        assertThat(StepFlops.saved(256, 64, 512)).isEqualTo(2_113_929_216L - 7_995_392L);
    }

    @Test
    @Order(3)
    @DisplayName("at the first position the cache saves only the memory's keys and values, 4 M d^2")
    void atTheFirstPositionOnlyTheMemoryIsSaved() {
        assertThat(StepFlops.saved(1, 10, 8)).describedAs("saved at L = 1, M = 10, d = 8: 4 * 10 * 64").isEqualTo(2560);
    }

    @Test
    @Order(4)
    @DisplayName("without memory rows the uncached step is kata 12's layer, 24 L d^2 + 4 L^2 d, plus the cross-attention's Q and O, 4 L d^2")
    void withoutMemoryTheUncachedStepIsKata12sLayer() {
        long encoderLayer = 41_875_931_136L;                         // kata 12: B = 1, L = 2048, d = 768

        assertThat(StepFlops.uncached(2048, 0, 768)).describedAs("uncached, L = 2048, M = 0, d = 768")
                .isEqualTo(encoderLayer + 4L * 2048 * 768 * 768);
    }

    @Test
    @Order(5)
    @DisplayName("one more token adds 4 d to a cached step and (28 d^2 + 4 (2L + 1) d + 4 M d) to an uncached one")
    void oneMoreTokenGrowsTheCachedStepLinearly() {
        long d = 64;
        long m = 5;

        for (long seqLen = 1; seqLen <= 4; seqLen++) {
            assertThat(StepFlops.cached(seqLen + 1, m, d) - StepFlops.cached(seqLen, m, d))
                    .describedAs("cached growth from L = %s: one more cached key and value, 4 d", seqLen).isEqualTo(4 * d);
            assertThat(StepFlops.uncached(seqLen + 1, m, d) - StepFlops.uncached(seqLen, m, d))
                    .describedAs("uncached growth from L = %s", seqLen).isEqualTo(28 * d * d + 4 * (2 * seqLen + 1) * d + 4 * m * d);
        }
    }
}
