import AdviseKit
import AdviseLog
import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `advise users`: who may sign in to the server, kept in the advice log's database. The first admin is made
/// here, never over the web; passwords are typed at a prompt (or piped with `--password-stdin`).
struct UsersCommand: ParsableCommand {
    #if Log
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Who may sign in to the server: add, list, passwd, remove, token.",
        discussion: "Roles: officer (records advice and reports, sees their own records), agronomist (sees every record without names, runs the calibration), admin (manages users, sees, exports and erases records).",
        subcommands: [UsersAddCommand.self, UsersListCommand.self, UsersPasswdCommand.self, UsersRemoveCommand.self, UsersTokenCommand.self]
    )
    #else
    static let configuration = CommandConfiguration(commandName: "users", abstract: "Who may sign in to the server (built with --traits Log).")

    @Argument(parsing: .captureForPassthrough) var rest: [String] = []

    func run() throws { try Console.refuseWithoutLog() }
    #endif
}

#if Log
extension LogUser.Role: ExpressibleByArgument {}

extension Console {
    /// Who acts on the command line, for the audit: the machine's account.
    static var actor: String { "cli:" + (ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? NSUserName()) }

    /// A new password: the first line of standard input with `--password-stdin`, else typed twice at the
    /// terminal without echo. No terminal and no `--password-stdin` is a usage error (64).
    static func newPassword(for name: String, fromStandardInput: Bool) throws -> String {
        if fromStandardInput {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                printError("advise: " + Catalogue.text(.usersNoPassword, language))
                throw ExitCode(usage)
            }
            return line
        }
        guard isatty(STDIN_FILENO) == 1, let first = getpass(Catalogue.format(.usersPasswordPrompt, language, name)).map({ String(cString: $0) }) else {
            printError("advise: " + Catalogue.text(.usersNoPassword, language))
            throw ExitCode(usage)
        }
        let again = getpass(Catalogue.text(.usersPasswordAgain, language)).map { String(cString: $0) }
        guard again == first else {
            printError("advise: " + Catalogue.text(.usersPasswordsDiffer, language))
            throw ExitCode(usage)
        }
        return first
    }

    /// Runs a change of users; a refused one (a name taken or unknown, a weak password) exits 65, a log that
    /// cannot be written 74.
    static func changingUsers<T>(_ body: () throws(Diagnostic) -> T) throws -> T {
        do {
            return try body()
        } catch {
            report([error])
            throw ExitCode(error.code.hasPrefix("users.") ? dataError : ioError)
        }
    }
}

/// `advise users add NAME --role ROLE`.
struct UsersAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user who may sign in (the first admin is made here).")
    @Argument(help: "The name they sign in with (letters, digits, '.', '-', '_').") var name: String
    @Option(help: "officer, agronomist or admin.") var role: LogUser.Role
    @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input instead of a prompt.")
    var passwordStdin = false
    @OptionGroup var location: LogLocation

    func run() throws {
        let (log, _) = try location.open()
        let password = try Console.newPassword(for: name, fromStandardInput: passwordStdin)
        let user = try Console.changingUsers { () throws(Diagnostic) in try log.addUser(name, role: role, password: password, by: Console.actor, at: Today.timestamp) }
        Console.printError("advise: " + Catalogue.format(.usersAdded, Console.language, user.name, LogRenderer(language: Console.language).role(user.role)))
    }
}

/// `advise users list`.
struct UsersListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The users, by name, with their roles.")
    @OptionGroup var location: LogLocation

    func run() throws {
        let (log, renderer) = try location.open()
        print(renderer.users(try Console.logging { () throws(Diagnostic) in try log.users() }), terminator: "")
    }
}

/// `advise users passwd NAME`.
struct UsersPasswdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Set a user's password.")
    @Argument(help: "The user's name.") var name: String
    @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input instead of a prompt.")
    var passwordStdin = false
    @OptionGroup var location: LogLocation

    func run() throws {
        let (log, _) = try location.open()
        _ = try Console.changingUsers { () throws(Diagnostic) in try log.user(named: name) }
        let password = try Console.newPassword(for: name, fromStandardInput: passwordStdin)
        try Console.changingUsers { () throws(Diagnostic) in try log.setPassword(name, to: password, by: Console.actor, at: Today.timestamp) }
        Console.printError("advise: " + Catalogue.format(.usersPasswordSet, Console.language, name))
    }
}

/// `advise users remove NAME`.
struct UsersRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a user (the records they made stay).")
    @Argument(help: "The user's name.") var name: String
    @OptionGroup var location: LogLocation

    func run() throws {
        let (log, _) = try location.open()
        try Console.changingUsers { () throws(Diagnostic) in try log.removeUser(name, by: Console.actor, at: Today.timestamp) }
        Console.printError("advise: " + Catalogue.format(.usersRemoved, Console.language, name))
    }
}

/// `advise users token NAME`.
struct UsersTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Make a user's API token (Authorization: Bearer TOKEN); it is printed once, and the one before stops working."
    )
    @Argument(help: "The user's name.") var name: String
    @OptionGroup var location: LogLocation

    func run() throws {
        let (log, _) = try location.open()
        let token = try Console.changingUsers { () throws(Diagnostic) in try log.newToken(for: name, by: Console.actor, at: Today.timestamp) }
        Console.printError("advise: " + Catalogue.format(.usersToken, Console.language, name))
        print(token)
    }
}
#endif
