package dev.pitwall.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.io.report.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end as a user runs it: the {@code ./pitwall} launcher at the root of the checkout, in a
 * separate process whose environment names no JDK, on the bundled example.
 */
class LauncherIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    record Run(int status, String out, String err) {
    }

    private static Run launcher(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("pitwall").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        Map<String, String> env = builder.environment();
        env.remove("JAVA_HOME");
        env.remove("PITWALL_JAVA_HOME");
        env.put("PATH", "/usr/bin:/bin");
        Process process = builder.start();
        process.getOutputStream().close();
        var out = process.inputReader(StandardCharsets.UTF_8);
        var err = process.errorReader(StandardCharsets.UTF_8);
        StringBuilder errText = new StringBuilder();
        Thread errReader = Thread.ofVirtual().start(() -> err.lines().forEach(l -> errText.append(l).append('\n')));
        String outText = String.join("\n", out.lines().toList());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("pitwall finished").isTrue();
        errReader.join();
        return new Run(process.exitValue(), outText, errText.toString());
    }

    @Test
    void theQuickStartCommandPrintsTheFinalStandings() throws Exception {
        Run run = launcher("standings", "examples/gtws-2024-nations-cup");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("standings after Grand Final").containsPattern("1\\s+Takuma Miyazono\\s.*50");
    }

    @Test
    void jsonFromTheLauncherIsCleanOfBuildOutput() throws Exception {
        Run run = launcher("standings", "examples/gtws-2024-nations-cup", "--after", "Race 1", "--format", "json");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.get("standings").get(0).get("driver").asText()).isEqualTo("Valerio Gallo");
        assertThat(json.get("standings").get(0).get("points").asInt()).isEqualTo(22);
    }

    @Test
    void auditExitStatusReachesTheShell() throws Exception {
        Run run = launcher("audit", "examples/gtws-2024-nations-cup", "--format", "csv");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out().lines().count()).isEqualTo(6);
    }
}
