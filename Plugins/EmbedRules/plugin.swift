import Foundation
import PackagePlugin

/// Generates `EmbeddedRules.swift` from every rule file under `Rules/` (with `advise-embed`), so that the
/// binary carries the shipped rule set and runs from any folder. Rebuilt when a rule file changes.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "Rules")
        let enumerator = FileManager.default.enumerator(at: rules, includingPropertiesForKeys: nil)
        let files = (enumerator?.allObjects as? [URL] ?? [])
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        return [.buildCommand(displayName: "Embedding the rule set (\(files.count) files)",
                              executable: try context.tool(named: "advise-embed").url,
                              arguments: [output.path, rules.path] + files.map(\.path),
                              inputFiles: files, outputFiles: [output])]
    }
}
