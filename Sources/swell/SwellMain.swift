import SwellCLI

/// The `swell` executable: everything lives in SwellCLI so tests can drive the same commands.
@main
struct SwellMain {
    static func main() async {
        await SwellCommand.main()
    }
}
