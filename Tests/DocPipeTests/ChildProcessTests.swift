@testable import DocPipe
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A child's pipes started through `ChildProcess` are close-on-exec in docpipe, so no other
/// program docpipe starts (by any means) can hold them open and hide the child's end.
@Suite struct ChildProcessTests {
    #if canImport(Glibc)
    @Test func aProgramStartedMeanwhileDoesNotKeepTheChildsInputOpen() throws {
        let cat = Process()
        cat.executableURL = URL(fileURLWithPath: "/bin/cat")
        let (input, output, _) = try ChildProcess.run(cat)
        // `system` closes nothing before exec: without close-on-exec, the shell and its `sleep`
        // would inherit cat's input and keep it open for five seconds.
        #expect(system("sleep 5 </dev/null >/dev/null 2>&1 &") == 0)
        let started = Date()
        try input.fileHandleForWriting.write(contentsOf: Array("line\n".utf8))
        try input.fileHandleForWriting.close()
        let echoed = output.fileHandleForReading.readDataToEndOfFile()
        #expect(String(decoding: echoed, as: UTF8.self) == "line\n")
        #expect(Date().timeIntervalSince(started) < 2.5, "cat saw the end of its input only when sleep ended")
        cat.waitUntilExit()
    }
    #endif
}
