import SwellCLI

await SwellCommand.main()
