import Foundation
import Strata

// The executable only wires the library's CLI to the process's streams, and makes SIGINT, SIGTERM and
// SIGHUP remove the temporary files of exports in progress before the process dies by the signal.
TemporaryFiles.installCleanupHandlers()
let cli = CLI(
    out: { s in FileHandle.standardOutput.write(Data(s.utf8)) },
    err: { s in FileHandle.standardError.write(Data(s.utf8)) },
    terminal: isatty(0) == 1 && isatty(1) == 1,
    environment: ProcessInfo.processInfo.environment)
exit(cli.main(Array(CommandLine.arguments.dropFirst())))
