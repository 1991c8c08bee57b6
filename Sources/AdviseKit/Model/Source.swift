/// A document a figure in the rule set comes from.
public struct Source: Sendable, Hashable {
    /// The id figures cite, such as `C1`.
    public var id: String
    /// Its title.
    public var title: String
    /// Its address, when it has one.
    public var url: String?
    /// Year of publication or of the figures.
    public var year: Int?
    /// Where it is declared.
    public var location: SourceLocation
}
