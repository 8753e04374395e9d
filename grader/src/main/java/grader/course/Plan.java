package grader.course;

import java.util.List;
import java.util.Optional;

/**
 * The katas the course plans, in order (the kata map of the design). The summary counts them all,
 * available or not, and the next step names the next one in order. This is the one list of them.
 *
 * @param katas id and name of every planned kata
 */
public record Plan(List<Planned> katas) {

    /** A kata of the plan: its id ({@code "04"}) and name. */
    public record Planned(String id, String name) {
    }

    public static final Plan COURSE = new Plan(List.of(
            new Planned("01", "Tensor reduction"),
            new Planned("02", "Broadcasting"),
            new Planned("03", "Contiguity: strides and views"),
            new Planned("04", "Layer normalization and parameter counts"),
            new Planned("05", "Dropout"),
            new Planned("06", "Scaled dot-product attention"),
            new Planned("07", "Multi-head attention"),
            new Planned("08", "Rotary position embedding"),
            new Planned("09", "Encoder layer"),
            new Planned("10", "Decoder layer"),
            new Planned("11", "Positional encoding and token embedding"),
            new Planned("12", "Compute: FLOPs, memory and a blocked matmul"),
            new Planned("13", "Backpropagation"),
            new Planned("14", "A Transformer calculator"),
            new Planned("15", "Tokenization"),
            new Planned("16", "Decoding"),
            new Planned("17", "A GPT that writes")));

    /** How many katas the course plans; at least {@code available}, should the repository hold more. */
    public int size(int available) {
        return Math.max(katas.size(), available);
    }

    /** The first planned kata after {@code id} that is not among {@code available}. */
    public Optional<Planned> nextAfter(String id, List<String> available) {
        return katas.stream().filter(k -> k.id().compareTo(id) > 0 && !available.contains(k.id())).findFirst();
    }
}
