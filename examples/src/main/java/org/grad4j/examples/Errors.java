package org.grad4j.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the examples report errors: a user's mistake on the command line as one line naming the
 * option and the value, then the example's usage, with exit status 2; a run that fails to read or
 * write a file as one line, with exit status 1. Other failures are bugs and keep their stack trace.
 */
final class Errors implements IParameterExceptionHandler, IExecutionExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(prefix(command) + message(e));
        command.usage(command.getErr());
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) throws Exception {
        Throwable io = e instanceof UncheckedIOException ? e.getCause() : e;
        if (!(io instanceof IOException)) {
            throw e;
        }
        // A FileSystemException's message is only the path; its class says what went wrong.
        command.getErr().println(prefix(command) + (io instanceof FileSystemException ? io : io.getMessage()));
        return command.getCommandSpec().exitCodeOnExecutionException();
    }

    private static String prefix(CommandLine command) {
        return command.getParent() == null ? "" : command.getCommandName() + ": ";
    }

    private static String message(ParameterException e) {
        if (!(e instanceof UnmatchedArgumentException unmatched)) {
            return e.getMessage();
        }
        List<String> args = unmatched.getUnmatched();
        if (e.getCommandLine().getParent() == null
                && !args.isEmpty()
                && !args.get(0).startsWith("-")) {
            return "unknown example '" + args.get(0) + "'";
        }
        List<String> suggestions = unmatched.getSuggestions();
        return e.getMessage()
                + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?");
    }
}
