/// A text in the languages the output speaks.
public struct LocalizedText: Sendable, Hashable {
    /// Vietnamese, with diacritics.
    public var vi: String
    /// English.
    public var en: String

    /// Creates a text.
    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// A text the same in every language: a name, a number, an id.
    public init(verbatim text: String) {
        self.init(vi: text, en: text)
    }

    /// A text made in each language by the same function (a catalogue phrase).
    public init(_ make: (Language) -> String) {
        self.init(vi: make(.vi), en: make(.en))
    }

    /// The text in one language.
    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .vi: vi
        case .en: en
        }
    }
}

/// An output language.
public enum Language: String, Sendable, CaseIterable {
    case vi, en
}
