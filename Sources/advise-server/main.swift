#if Server
import AdviseKit
import AdviseLog
import AdviseRuleSetSource
import AdviseServer
import ArgumentParser
import Foundation

/// `advise-server`: the web form and API. A separate executable, so that `swift run advise` never builds
/// the web server's dependencies.
@main
struct AdviseServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advise-server",
        abstract: "Serve the advice form (GET /) and the API (POST /api/v1/advice, /api/v1/batch; GET /api/v1/openapi.json, /healthz).",
        discussion: "Stops gracefully on SIGTERM or Ctrl-C. Exit codes: 0 stopped; 65 an invalid rule set; 66 a rule set, certificate or key that cannot be read; 70 the port cannot be opened; 74 the advice log cannot be opened."
    )

    @Option(help: "The address to listen on (default: loopback only; 0.0.0.0 for every network).")
    var host = "127.0.0.1"

    @Option(help: "The port (0: any free port, printed at start).")
    var port = 8080

    @Option(help: ArgumentHelp("The rule set folder (default: ./Rules, or $ADVISE_RULES, else the built-in set).", valueName: "dir"))
    var rules: String?

    @Option(name: .customLong("override"), help: ArgumentHelp("An override file (kind: override) replacing named figures; repeatable.", valueName: "file"))
    var overrides: [String] = []

    func validate() throws {
        let language = UsageMessage.language(of: CommandLine.arguments) ?? .vi
        guard (0...65535).contains(port) else {
            throw ValidationError(Catalogue.format(.wholeOutOfRange, language, "--port", "0", "65535"))
        }
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError(Catalogue.text(.serverTLSPair, language)) }
    }

    /// Parses and runs; the parser's messages in the user's language (`--lang`, else Vietnamese).
    static func main() async {
        let language = UsageMessage.language(of: Array(CommandLine.arguments.dropFirst())) ?? .vi
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let text = UsageMessage.localized(fullMessage(for: error), language)
            if !text.isEmpty {
                if code == .success { print(text) } else { FileHandle.standardError.write(Data((text + "\n").utf8)) }
            }
            Foundation.exit(code.rawValue)
        }
    }

    @Option(help: "Language of the server's own start-up messages (pages and API answer in the request's).")
    var lang: Language?

    @Option(name: .customLong("log-db"), help: ArgumentHelp("The advice log every advice is recorded in (default: $ADVISE_LOG_DB, else advise/advice-log.sqlite in the user's data folder).", valueName: "file"))
    var logDB: String?

    @Flag(name: .customLong("no-log"), help: "Record nothing: no advice log, no sign-in, no /log pages.")
    var noLog = false

    @Flag(name: .customLong("secure-cookies"), help: "Send the sign-in cookie over HTTPS only (when the server is reached through an HTTPS proxy).")
    var secureCookies = false

    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("Serve HTTPS with this certificate chain (PEM); with --tls-key.", valueName: "file"))
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("The certificate's private key (PEM).", valueName: "file"))
    var tlsKey: String?

    func run() async throws {
        let ruleSet: RuleSet
        do {
            ruleSet = try RuleSetSource.find(rules).load(overrides: overrides, today: Today.iso)
        } catch {
            let language = lang ?? .vi
            for d in error.diagnostics { FileHandle.standardError.write(Data((d.description(in: language) + "\n").utf8)) }
            throw ExitCode(ExitStatus.loading(error.diagnostics).rawValue)
        }
        if !["127.0.0.1", "localhost", "::1"].contains(host), tlsCert == nil, !secureCookies {
            FileHandle.standardError.write(Data((Catalogue.format(.serverOpenHost, lang ?? .vi, host) + "\n").utf8))
        }
        var configuration = AdviceServer.Configuration()
        configuration.host = host
        configuration.port = port
        configuration.secureCookies = secureCookies
        if let tlsCert, let tlsKey { configuration.tls = (tlsCert, tlsKey) }
        let log: AdviceLog?
        do {
            log = noLog ? nil : try AdviceLog(path: logDB ?? AdviceLog.defaultPath())
        } catch {
            FileHandle.standardError.write(Data((error.description(in: lang ?? .vi) + "\n").utf8))
            throw ExitCode(ExitStatus.ioError.rawValue)
        }
        let server = AdviceServer(ruleSet: ruleSet, configuration: configuration, log: log)
        let host = host, scheme = tlsCert == nil ? "http" : "https"
        let built = Result { () throws(Diagnostic) in
            try server.application { port in
                let line = "advise-server: \(scheme)://\(host):\(port)/ (rule set \(ruleSet.settings.ruleset.id) \(ruleSet.settings.ruleset.version), \(ruleSet.settings.ruleset.source))"
                    + (log.map { "; advice log \($0.path)" } ?? "") + "\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        }
        switch built {
        case let .failure(error):
            FileHandle.standardError.write(Data((error.description(in: lang ?? .vi) + "\n").utf8))
            throw ExitCode(ExitStatus.noInput.rawValue)
        case let .success(app):
            do {
                try await app.runService()
            } catch {
                let text = SystemFailure.stopped(error, host: host, port: port)(lang ?? .vi)
                FileHandle.standardError.write(Data((text + "\n").utf8))
                throw ExitCode(ExitStatus.software.rawValue)
            }
        }
    }
}
extension Language: ExpressibleByArgument {}
#else
import Foundation

/// Built without the Server trait: says how to build the server, and fails.
@main
enum AdviseServerCommand {
    static func main() {
        FileHandle.standardError.write(Data("advise-server: built without the web server; run `swift run --traits Server advise-server` (or build with --traits Server)\n".utf8))
        exit(69)  // ExitStatus.unavailable: AdviseKit is not linked without the trait
    }
}
#endif
