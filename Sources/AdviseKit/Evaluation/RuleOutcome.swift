/// What one model's rules and item conditions came to for one household: the adjustment, mitigations and
/// risks that fired, and which investment items and operating costs apply. It is a function of ``Key``
/// alone — which rules fired, which items apply — so households with the same key share it, and its
/// ``UnitEconomics``.
public struct RuleOutcome: Sendable {
    public var adjustment: Adjustment?
    public var mitigations: [CostItem] = []
    public var risks: [Risk] = []
    public var includedItems: [Bool] = []
    public var includedCosts: [Bool] = []
    /// True when an `unsuitable` rule fired.
    public var blocked = false

    /// Which rules fired and which items and costs apply, as bits: the cache key.
    public struct Key: Hashable, Sendable {
        var rules: UInt64 = 0
        var items: UInt64 = 0
        var costs: UInt64 = 0
        /// Bits past the 64th of any list (models that large are rare).
        var overflow: [Int]?

        mutating func set(_ word: WritableKeyPath<Key, UInt64>, _ index: Int, list: Int) {
            if index < 64 {
                self[keyPath: word] |= 1 << UInt64(index)
            } else {
                overflow = (overflow ?? []) + [list * 1_000_000 + index]
            }
        }

        func has(_ word: KeyPath<Key, UInt64>, _ index: Int, list: Int) -> Bool {
            index < 64 ? self[keyPath: word] & (1 << UInt64(index)) != 0 : overflow?.contains(list * 1_000_000 + index) ?? false
        }

        /// True when rule `index` fired.
        public func fired(_ index: Int) -> Bool { has(\.rules, index, list: 0) }
    }

    /// Evaluates a model's rule conditions and item conditions into a key; nil conditions (a fact not
    /// given) count as not holding.
    public static func key(_ model: FarmModel, _ facts: DenseFacts) -> Key { key(ModelProgram(model), facts) }

    static func key(_ program: ModelProgram, _ facts: DenseFacts) -> Key {
        var key = Key()
        for (i, check) in program.rules.enumerated() where check.holds(facts) == true { key.set(\.rules, i, list: 0) }
        for (i, check) in program.items.enumerated() where check?.holds(facts) ?? true { key.set(\.items, i, list: 1) }
        for (i, check) in program.costs.enumerated() where check?.holds(facts) ?? true { key.set(\.costs, i, list: 2) }
        return key
    }

    /// The outcome a key stands for.
    public init(_ model: FarmModel, key: Key) {
        for (i, rule) in model.rules.enumerated() where key.fired(i) {
            switch rule.effect {
            case .unsuitable: blocked = true
            case let .mitigation(item): mitigations.append(item)
            case let .risk(risk): risks.append(risk)
            case let .adjust(a): adjustment = adjustment.map { $0.combined(with: a) } ?? a
            case .warning: break
            }
        }
        includedItems = model.investment.indices.map { key.has(\.items, $0, list: 1) }
        includedCosts = model.operatingCosts.indices.map { key.has(\.costs, $0, list: 2) }
    }
}
