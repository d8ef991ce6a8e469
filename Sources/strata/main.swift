import Foundation
import Strata

// The executable only wires the library's CLI to the process's streams.
let cli = CLI(
    out: { s in FileHandle.standardOutput.write(Data(s.utf8)) },
    err: { s in FileHandle.standardError.write(Data(s.utf8)) },
    terminal: isatty(0) == 1 && isatty(1) == 1)
exit(cli.main(Array(CommandLine.arguments.dropFirst())))
