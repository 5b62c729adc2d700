package dev.hostedsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hostedsite.testing.Run;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The table of commands is what the CLI runs: each entry's name, options, summary and help are the ones a user meets. */
class CommandTableTest {

    @Test
    void namesAndAliasesAreUnique() {
        Set<String> seen = new HashSet<>();
        for (Command c : Cli.COMMANDS) {
            assertTrue(seen.add(c.name()), "two commands named " + c.name());
            c.aliases().forEach(a -> assertTrue(seen.add(a), "alias " + a + " taken twice"));
        }
    }

    @Test
    void commandsThatReadTheirOwnArgumentsGetThemUnparsed() {
        Run help = Run.of(new byte[0], "help", "--help");
        assertEquals(Main.OK, help.exit(), help.stderr());
        assertEquals(HelpCommand.HELP, help.stdout());
        assertEquals(HelpCommand.HELP, Run.of(new byte[0], "help", "help").stdout());
        Run unknown = Run.of(new byte[0], "help", "nosuch");
        assertEquals(Main.USAGE, unknown.exit());
        assertTrue(unknown.stderr().startsWith("hostedsite help: no command 'nosuch'; the commands: validate, plan,"),
                unknown.stderr());
        // the hint at the end must name a command line that works
        assertTrue(unknown.stderr().endsWith("Run 'hostedsite help --help' for more.\n"), unknown.stderr());
        Run version = Run.of(new byte[0], "--version", "--help");
        assertEquals(Main.USAGE, version.exit());
        assertTrue(version.stderr().startsWith("hostedsite: --version takes no arguments\n"), version.stderr());
    }

    @Test
    void theUsageListsEverySummaryInTableOrder() {
        int at = Cli.USAGE_TEXT.indexOf("Commands:\n");
        for (Command c : Cli.COMMANDS) {
            assertTrue(c.summary().startsWith("  ") && c.summary().endsWith("\n"), c.name() + ": " + c.summary());
            int found = Cli.USAGE_TEXT.indexOf(c.summary(), at);
            assertTrue(found > at, c.name() + "'s summary missing or out of order in the usage");
            at = found;
        }
        assertEquals(Cli.USAGE_TEXT, Run.of(new byte[0], "--help").stdout());
    }

    @TestFactory
    Iterable<DynamicTest> eachCommandAnswersHelpAndRefusesOptionsItDoesNotDeclare() {
        return Cli.COMMANDS.stream().filter(Command::parsesArguments).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            assertTrue(c.help().startsWith("Usage: hostedsite " + c.name()), c.help());
            assertEquals(c.help(), Run.of(new byte[0], c.name(), "--help").stdout());
            assertEquals(c.help(), Run.of(new byte[0], "help", c.name()).stdout());
            Run unknown = Run.of(new byte[0], c.name(), "--no-such-option", "x");
            assertEquals(Main.USAGE, unknown.exit());
            assertTrue(unknown.stderr().startsWith("hostedsite " + c.name() + ": unknown option '--no-such-option'\n"),
                    unknown.stderr());
            for (String option : c.options()) {
                Run missing = Run.of(new byte[0], c.name(), option);
                assertEquals(Main.USAGE, missing.exit());
                assertTrue(missing.stderr().contains("option " + option + " needs a value"), missing.stderr());
            }
            for (Map.Entry<String, String> s : c.shortOptions().entrySet()) {
                assertTrue(c.options().contains(s.getValue()), s + " names an option " + c.name() + " does not take");
            }
        })).toList();
    }
}
