import ArgumentParser
import RetroCore
import RetroLint

extension Retro {
  /// `retro init`: a commented `.retro.yml` with every default.
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a commented .retro.yml with the defaults (never overwrites one).",
      discussion: CommandHelp.reflow(
        """
        Examples:
          retro init
          retro init --dir retros/
        """))

    @Option(help: "The folder to write .retro.yml into.")
    var dir = "."

    func run() throws {
      let path = dir.hasSuffix("/") ? dir + ConfigurationFile.fileName : dir + "/" + ConfigurationFile.fileName
      do {
        try SafeFileWriter.write(DefaultConfigurationFile.text, to: path)
        Console.line(path)
      } catch let error as InputError {
        printError(error.description)
        throw RetroExit.inputError
      }
    }
  }
}
