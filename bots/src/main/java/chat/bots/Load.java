package chat.bots;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The bots as a library, for a program that drives runs itself (the chaos suite injects a fault in
 * each): the scenario's users are prepared once, then each {@link #run} connects them, sends, drains
 * and reports as the command line does.
 */
public final class Load {

  private final Scenario scenario;
  private final Targets targets;
  private final Console console;
  private final List<String> tokens;

  private Load(Scenario scenario, Targets targets, Console console, List<String> tokens) {
    this.scenario = scenario;
    this.targets = targets;
    this.console = console;
    this.tokens = tokens;
  }

  /** Signs the scenario's users up, or logs them in with the tokens kept in {@code tokenFile}. */
  public static Load prepare(Scenario scenario, Path tokenFile, PrintStream out) {
    Console console = new Console(out);
    Targets targets = new Targets(scenario);
    return new Load(scenario, targets, console, new Population(scenario, targets, tokenFile, console).prepare());
  }

  /**
   * One run of the scenario. {@code whenSending} is called as the sending starts, with what ends it
   * early (it must return at once); the run then waits for what is on its way, and reports.
   */
  public Report run(Consumer<Runnable> whenSending) throws InterruptedException {
    String id = Run.newId();
    Run run = new Run(scenario, Part.WHOLE, id, targets, console);
    PartReport part = run.execute(tokens, () -> whenSending.accept(run::stop), second -> console.say("%s", second.line()));
    return Report.of(scenario, id, List.of(part));
  }
}
