package grader.training;

import static org.assertj.core.api.Assertions.assertThat;

import grader.Main;
import grader.Options;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Training starts the grader again in a JVM with the full JIT")
class FullJitTest {

    @Test
    @DisplayName("the second JVM gets the grader's options and the QuickTheories settings, none of Maven's, and knows it is the second")
    void theCommandPassesTheOptionsOnly() {
        Map<String, String> properties = new TreeMap<>(Map.of("train", "calculator", "steps", "3", "solutions", "reference",
                "maven.home", "/usr/share/maven", "QT_SEED", "7", "user.dir", "/somewhere"));

        List<String> command = new FullJit(Main.class, Options.NAMES).command(properties, "a.jar");

        assertThat(command.get(0)).endsWith("java");
        assertThat(command.subList(1, 3)).containsExactly("-cp", "a.jar");
        assertThat(command).contains("-Dtrain=calculator", "-Dsteps=3", "-Dsolutions=reference", "-DQT_SEED=7",
                "-D" + FullJit.CHILD + "=true").doesNotContain("-Dmaven.home=/usr/share/maven", "-Duser.dir=/somewhere");
        assertThat(command).last().isEqualTo(Main.class.getName());
        assertThat(command).noneMatch(argument -> argument.startsWith("-XX:TieredStopAtLevel"));
    }

    @Test
    @DisplayName("the second JVM does not start a third")
    void theChildTrainsItself() {
        assertThat(FullJit.needed(Map.of(FullJit.CHILD, "true"))).isFalse();
    }
}
