package dev.pitwall.cli;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.scoring.Audit;
import dev.pitwall.io.report.AuditReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(name = "audit",
        description = "Every published number that disagrees with the regulations. Exit status 1 when there is any.")
final class AuditCommand implements Callable<Integer> {

    @Mixin
    ChampionshipOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Championship championship = options.load();
        AuditReport report = AuditReport.of(championship.name(), Audit.of(championship));
        options.print(spec.commandLine().getOut(), report);
        return report.disagreements().isEmpty() ? 0 : 1;
    }
}
